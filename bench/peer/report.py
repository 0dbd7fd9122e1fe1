#!/usr/bin/python3
"""The like-for-like Python peer of a stepmark report, as a TA would write it in an afternoon.

For each student: openpyxl reads the same spreadsheet (every cell), then reportlab draws the same
laid-out report (the pages stepmark laid out, given as JSON: text, boxes and lines) with the same
fonts, each text cut into runs by which face has its glyphs, each run measured to place the next.
Prints one JSON object: CPU milliseconds per report, and the PDFs' sizes. Run by bench/report.js.
"""
import io
import json
import sys
import time

try:
    import openpyxl
    from reportlab.lib.colors import HexColor
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas
except ImportError as error:
    print(json.dumps({"skipped": f"the Python peer needs python3-openpyxl and python3-reportlab ({error})"}))
    sys.exit(0)


def register(fonts):
    """The same font files stepmark uses, parsed once per process (as stepmark parses them)."""
    faces = {}
    for style, files in fonts.items():
        faces[style] = []
        for name, path in files:
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(name, path))
            faces[style].append((name, pdfmetrics.getFont(name).face.charToGlyph))
    return faces


def runs(text, style, faces):
    """The text cut where the face changes; spaces stay with the run they are in."""
    out = []
    for char in text:
        if char.isspace() and out:
            out[-1][1] += char
            continue
        name = next((n for n, glyphs in faces[style] if ord(char) in glyphs), faces[style][0][0])
        if out and out[-1][0] == name:
            out[-1][1] += char
        else:
            out.append([name, char])
    return out


def read(path):
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    cells = 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            cells += sum(1 for value in row if value is not None)
    book.close()
    return cells


def draw(report, faces):
    out = io.BytesIO()
    width, height = report["size"]
    pdf = canvas.Canvas(out, pagesize=(width, height), invariant=1, pageCompression=1)
    pdf.setTitle(report["title"])
    for page in report["pages"]:
        for item in page:
            kind = item["kind"]
            if kind == "text":
                x = item["x"]
                pdf.setFillColor(HexColor(item["color"]))
                for name, text in runs(item["text"], item["font"], faces):
                    pdf.setFont(name, item["size"])
                    pdf.drawString(x, height - item["y"], text)
                    x += pdfmetrics.stringWidth(text, name, item["size"])
            elif kind == "box":
                pdf.saveState()
                pdf.setLineWidth(0.6)
                if item["dashed"]:
                    pdf.setDash(1.6, 1.2)
                fill, stroke = item["fill"], item["stroke"]
                if fill is not None:
                    pdf.setFillColor(HexColor(fill))
                if stroke is not None:
                    pdf.setStrokeColor(HexColor(stroke))
                y = height - item["y"] - item["height"]
                if item["radius"] > 0:
                    pdf.roundRect(item["x"], y, item["width"], item["height"], item["radius"], stroke=int(stroke is not None), fill=int(fill is not None))
                else:
                    pdf.rect(item["x"], y, item["width"], item["height"], stroke=int(stroke is not None), fill=int(fill is not None))
                pdf.restoreState()
            else:
                pdf.saveState()
                pdf.setLineWidth(item["width"])
                pdf.setStrokeColor(HexColor(item["color"]))
                pdf.line(item["x1"], height - item["y1"], item["x2"], height - item["y2"])
                pdf.restoreState()
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def main():
    with open(sys.argv[1], encoding="utf-8") as file:
        job = json.load(file)
    faces = register(job["fonts"])
    draw(job["reports"][0], faces)  # warm-up, as stepmark's side renders one report before timing
    times, sizes = [], []
    for report in job["reports"]:
        start = time.process_time()
        read(report["file"])
        pdf = draw(report, faces)
        times.append(1000 * (time.process_time() - start))
        sizes.append(len(pdf))
    if len(sys.argv) > 2:
        with open(sys.argv[2], "wb") as file:
            file.write(draw(job["reports"][0], faces))
    print(json.dumps({"ms": times, "bytes": sizes}))


main()
