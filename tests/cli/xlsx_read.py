#!/usr/bin/python3
"""xlsx_read.py — read the survey workbook back with Debian's openpyxl (a reader no one here
wrote) and compare every figure with `charte survey results --csv`.

    /usr/bin/python3 tests/cli/xlsx_read.py BOOK.xlsx RESULTS.csv LAST.csv|- ASKED LANG NAMES

LAST.csv is last year's `survey results --csv` ('-': no campaign last year), ASKED the clients
asked, LANG fr or en (sheet names and headings), NAMES the clients' names separated by '|' (none
may appear in the comments). Prints one "ok LABEL" or "FAIL LABEL ..." line per check; exits 1
on a failure.
"""
import csv
import sys
import zipfile

import openpyxl

book, this_csv, last_csv, asked, lang, names = sys.argv[1:7]
asked = int(asked)
failed = 0


def check(cond, label, *why):
    global failed
    if cond:
        print("ok  xlsx: " + label)
    else:
        failed += 1
        print("FAIL  xlsx: " + label + "".join("\n      " + str(w) for w in why))


def rows_of(path):
    if path == "-":
        return {}
    with open(path, newline="", encoding="utf-8") as f:
        return {r["question"]: r for r in csv.DictReader(f)}


def share_ok(cell, text):
    """A CSV share ("0.875", "" for none) against a cell: a number near it, or empty."""
    if text == "":
        return cell is None
    return isinstance(cell, (int, float)) and abs(cell - float(text)) < 0.00005


with open(this_csv, newline="", encoding="utf-8") as f:
    results = list(csv.DictReader(f))
last = rows_of(last_csv)

wb = openpyxl.load_workbook(book)
sheets = {"fr": ["Synthèse", "Résultats", "Commentaires"],
          "en": ["Summary", "Results", "Comments"]}[lang]
check(wb.sheetnames == sheets, "sheets " + ",".join(sheets), wb.sheetnames)
if wb.sheetnames != sheets:
    sys.exit(1)
summary, table, comments = (wb[n] for n in sheets)

for ws in (summary, table, comments):
    check(ws.freeze_panes in ("A2", "C2"), ws.title + ": header row frozen", ws.freeze_panes)
    widths = [ws.column_dimensions[c].width for c in "AB"]
    check(all(w and w > 2 for w in widths), ws.title + ": columns sized", widths)

# The summary: figures as numbers, rates as fractions shown as percentages.
answered = int(results[0]["answers"]) if results else 0
values = [summary.cell(row=r, column=2) for r in range(1, 12)]
check(isinstance(values[1].value, int) or isinstance(values[1].value, float),
      "campaign year is a number", values[1].value)
check(values[2].value == asked, "clients asked %d" % asked, values[2].value)
check(values[3].value == answered, "answers %d" % answered, values[3].value)
rate = values[4]
check(isinstance(rate.value, (int, float)) and abs(rate.value - answered / asked) < 1e-9
      and "%" in rate.number_format, "response rate %d/%d as a percentage" % (answered, asked),
      rate.value, rate.number_format)
overall = [r for r in results if r["question"] == "overall"]
if overall:
    check(share_ok(values[5].value, overall[0]["satisfied_share"])
          and "%" in values[5].number_format, "overall satisfaction",
          values[5].value, overall[0]["satisfied_share"])

# The questions: every count and share, this year and last.
scale = ["very_satisfied", "satisfied", "dissatisfied", "very_dissatisfied", "no_opinion"]
check(table.max_row - 1 == len(results), "one row per question",
      table.max_row - 1, len(results))
for i, r in enumerate(results):
    row = [c.value for c in table[i + 2]]
    cells = table[i + 2]
    check(row[0] == i + 1 and isinstance(row[1], str) and row[1],
          r["question"] + ": number and text", row[:2])
    check(row[2] == int(r["answers"]), r["question"] + ": answers", row[2], r["answers"])
    for k, name in enumerate(scale):
        check(row[3 + k] == int(r[name]), "%s: %s" % (r["question"], name),
              row[3 + k], r[name])
    check(share_ok(row[8], r["satisfied_share"]) and "%" in cells[8].number_format,
          r["question"] + ": share satisfied", row[8], r["satisfied_share"])
    before = last.get(r["question"], {}).get("satisfied_share", "")
    check(share_ok(row[9], before), r["question"] + ": last year's share", row[9], before)

# The chart comparing the two years.
with zipfile.ZipFile(book) as z:
    charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
    check(len(charts) == 1, "one chart", charts)
    if charts:
        xml = z.read(charts[0]).decode()
        want = 2 if last else 1
        check(xml.count("<c:ser>") == want, "%d series in the chart" % want,
              xml.count("<c:ser>"))

# The comments, without any name.
texts = [c.value for c in comments["B"][1:] if c.value]
for name in filter(None, names.split("|")):
    check(not any(name in t for t in texts), "no client name in the comments: " + name)
check(all(isinstance(c.value, str) for c in comments["B"][1:]), "comments are text")

sys.exit(1 if failed else 0)
