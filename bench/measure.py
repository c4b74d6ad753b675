"""Runs a command and prints JSON {seconds, maxRssKb, exitCode}: wall time and the peak resident memory of the child."""
import json
import os
import subprocess
import sys
import time

start = time.monotonic()
with open(os.devnull, "wb") as devnull:
    child = subprocess.Popen(sys.argv[1:], stdout=devnull)
    _, status, usage = os.wait4(child.pid, 0)
seconds = time.monotonic() - start
print(json.dumps({"seconds": round(seconds, 3), "maxRssKb": usage.ru_maxrss, "exitCode": os.waitstatus_to_exitcode(status)}))
