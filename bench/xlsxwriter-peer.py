"""The peer: XlsxWriter in constant-memory mode writing the Engagements rows
(the input columns) and the Engagement topics rows (id, date, status,
partner, topic) of an inputs folder to one workbook, reading with Python's csv.
Columns are found by their header names, so either kind of archive is read right."""
import csv
import sys

import xlsxwriter

inputs, out = sys.argv[1], sys.argv[2]
workbook = xlsxwriter.Workbook(out, {"constant_memory": True})
engagements = workbook.add_worksheet("Engagements")
with open(f"{inputs}/engagements.csv", newline="", encoding="utf-8-sig") as file:
    reader = csv.reader(file)
    header = next(reader)
    column = {name.strip().lower(): index for index, name in enumerate(header)}
    picked = [column[name] for name in ("id", "start_date", "status", "partners", "topics")]
    for c, name in enumerate(header):
        engagements.write_string(0, c, name)
    rows = []
    for r, row in enumerate(reader, start=1):
        for c, value in enumerate(row):
            engagements.write_string(r, c, value)
        rows.append(tuple(row[index] for index in picked))
engagements.autofilter(0, 0, len(rows), len(header) - 1)
topics = workbook.add_worksheet("Engagement topics")
for c, name in enumerate(["id", "start_date", "status", "partner", "topic"]):
    topics.write_string(0, c, name)
r = 1
for id_, start, status, partners, themes in rows:
    for partner in partners.split(";"):
        for topic in themes.split(";"):
            topics.write_row(r, 0, (id_, start, status, partner, topic))
            r += 1
workbook.close()
