/**
 * Names the input generator draws from: real partner nations and
 * organizations (name, kind, region), cooperation areas (name, category),
 * places and people, with the accents, curly apostrophes and scripts a
 * packet must show.
 */
export const PARTNERS: ReadonlyArray<[string, string, string]> = [
  ["Perú", "country", "South America"], ["United States", "country", "North America"], ["France", "country", "Europe"],
  ["Brazil", "country", "South America"], ["Chile", "country", "South America"], ["Colombia", "country", "South America"],
  ["Ecuador", "country", "South America"], ["Bolivia", "country", "South America"], ["Paraguay", "country", "South America"],
  ["Uruguay", "country", "South America"], ["Argentina", "country", "South America"], ["México", "country", "North America"],
  ["Canada", "country", "North America"], ["Panamá", "country", "Central America"], ["Costa Rica", "country", "Central America"],
  ["Guatemala", "country", "Central America"], ["República Dominicana", "country", "Caribbean"], ["España", "country", "Europe"],
  ["Portugal", "country", "Europe"], ["United Kingdom", "country", "Europe"], ["Deutschland", "country", "Europe"],
  ["Italia", "country", "Europe"], ["Nederland", "country", "Europe"], ["Sverige", "country", "Europe"], ["Norge", "country", "Europe"],
  ["Polska", "country", "Europe"], ["Česko", "country", "Europe"], ["Türkiye", "country", "Europe"], ["Israel", "country", "Middle East"],
  ["Japan", "country", "Asia"], ["Republic of Korea", "country", "Asia"], ["India", "country", "Asia"], ["Việt Nam", "country", "Asia"],
  ["Australia", "country", "Oceania"], ["New Zealand", "country", "Oceania"], ["South Africa", "country", "Africa"],
  ["Organization of American States", "organization", "Americas"], ["United Nations", "organization", "Global"],
  ["NATO", "organization", "Europe"], ["European Union", "organization", "Europe"], ["Inter-American Defense Board", "organization", "Americas"],
  ["Côte d’Ivoire", "country", "Africa"],
];

export const TOPICS: ReadonlyArray<[string, string]> = [
  ["Bilateral defense cooperation", "Partnership"], ["Institutional capabilities", "Partnership"], ["Transnational criminal organizations", "Security"],
  ["Narcotics trafficking", "Security"], ["Maritime security", "Security"], ["Illegal, unreported and unregulated fishing", "Security"],
  ["Counterterrorism", "Security"], ["Air domain awareness", "Capabilities"], ["Cybersecurity", "Technology"], ["Space", "Technology"],
  ["Emerging technologies", "Technology"], ["Defense equipment", "Capabilities"], ["Defense infrastructure", "Capabilities"],
  ["Joint training and exercises", "Readiness"], ["Intelligence sharing", "Readiness"], ["Disaster preparedness and response", "Humanitarian"],
  ["Humanitarian assistance", "Humanitarian"], ["Climate change impact", "Humanitarian"], ["Peacekeeping", "Values"], ["Human rights", "Values"],
  ["Women in peace, defense and security", "Values"], ["Medical research", "Health"], ["Border security", "Security"],
  ["Search and rescue", "Readiness"], ["Professional military education", "Partnership"], ["Logistics and sustainment", "Capabilities"],
  ["Chemical, biological, radiological and nuclear defense", "Capabilities"], ["Demining", "Humanitarian"], ["Arms control", "Values"],
  ["Amazon basin protection", "Security"],
];

export const KINDS = ["dialogue", "visit", "meeting", "talks", "exercise", "workshop", "other"] as const;
export const KIND_WORDS: Record<(typeof KINDS)[number], string> = {
  dialogue: "Strategic dialogue", visit: "Official visit", meeting: "Ministerial meeting", talks: "Staff talks",
  exercise: "Combined exercise", workshop: "Workshop", other: "Working session",
};
export const CITIES = ["Lima, Perú", "Cusco, Perú", "Arequipa, Perú", "Callao, Perú", "Iquitos, Perú", "Washington, D.C., United States", "Paris, France",
  "Brasília, Brazil", "Santiago, Chile", "Bogotá, Colombia", "Quito, Ecuador", "Ciudad de México, México", "Madrid, España", "Lisboa, Portugal",
  "Asunción, Paraguay", "Montréal, Canada", "Panamá, Panamá", "Kraków, Polska", "Tokyo, Japan", "Hà Nội, Việt Nam"];
export const GIVEN = ["José", "María", "Andrés", "Lucía", "Jürgen", "Zoë", "Ørjan", "Sébastien", "Łukasz", "Nguyễn", "Ana", "Walter", "Jana", "Laura", "Íñigo", "Renée"];
export const FAMILY = ["Núñez", "Gómez", "Chávez", "Astudillo", "Müller", "Dvořák", "Åberg", "Lefèvre", "Wiśniewski", "Trần", "O’Brien", "Peña", "Ibáñez", "Richardson", "Nelson", "Çelik"];
export const RANKS = ["Gen.", "Adm.", "Col.", "Capt.", "Minister", "Vice Minister", "Deputy Assistant Secretary", "Ambassador"];
