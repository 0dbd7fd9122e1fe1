"""One LibreOffice session for the template tests: print some files to PDF, fill some in and save them.

Run with Debian's python3 (it has the `uno` module): python3 template-office.py job.json
job.json: { "profile": "/tmp/dir", "pdf": [[source, target.pdf], ...],
            "fill": [{ "template": path, "out": path, "filter": "Calc MS Excel 2007 XML" | "calc8",
                       "cells": [{ "cell": "C41", "typed": "0.410" } | { "cell": "C42", "number": 0.41 }] }] }
"typed" is entered as the macro recorder records typing (.uno:EnterString on the selected cell),
so the cell's format decides what it becomes, as at the keyboard; "number" goes through
setValue: a number whatever the format (as pasted, or after changing the cell's format).
"""
import json
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def props(**values):
    out = []
    for name, value in values.items():
        prop = PropertyValue()
        prop.Name, prop.Value = name, value
        out.append(prop)
    return tuple(out)


def url(path):
    return uno.systemPathToFileUrl(os.path.abspath(path))


def connect(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
    for _ in range(600):
        try:
            return resolver.resolve(f'uno:pipe,name={pipe};urp;StarOffice.ComponentContext')
        except Exception:  # not listening yet
            time.sleep(0.1)
    raise RuntimeError('LibreOffice did not start within 60 s')


# Saving as .ods renders a thumbnail of the view; after typing through the dispatcher, headless
# LibreOffice 7.4 crashes doing so. The template's tests have no use for the thumbnail.
SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema">
<item oor:path="/org.openoffice.Office.Common/Save/Document"><prop oor:name="GenerateThumbnail" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
"""


def main():
    with open(sys.argv[1], encoding='utf-8') as f:
        job = json.load(f)
    pipe = f'stepmark_template_{os.getpid()}'
    os.makedirs(os.path.join(job['profile'], 'user'), exist_ok=True)
    with open(os.path.join(job['profile'], 'user', 'registrymodifications.xcu'), 'w', encoding='utf-8') as f:
        f.write(SETTINGS)
    office = subprocess.Popen([
        'soffice', '--headless', '--invisible', '--nologo', '--norestore', '--nodefault',
        f'-env:UserInstallation={url(job["profile"])}', f'--accept=pipe,name={pipe};urp;StarOffice.ComponentContext',
    ], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        ctx = connect(pipe)
        desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)

        def load(path, hidden=True):
            return desktop.loadComponentFromURL(url(path), '_blank', 0, props(Hidden=hidden))

        for source, target in job.get('pdf', []):
            doc = load(source)
            doc.storeToURL(url(target), props(FilterName='calc_pdf_Export'))
            doc.close(True)
        dispatcher = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.DispatchHelper', ctx)
        for fill in job.get('fill', []):
            # Typing needs a view: a hidden document has none (headless, nothing is shown anyway).
            doc = load(fill['template'], hidden=True)
            frame = doc.getCurrentController().getFrame()
            sheet = doc.Sheets.getByIndex(0)
            for cell in fill['cells']:
                if 'typed' in cell:
                    dispatcher.executeDispatch(frame, '.uno:GoToCell', '', 0, props(ToPoint=cell['cell']))
                    dispatcher.executeDispatch(frame, '.uno:EnterString', '', 0, props(StringName=cell['typed']))
                else:
                    sheet.getCellRangeByName(cell['cell']).setValue(cell['number'])
            doc.storeToURL(url(fill['out']), props(FilterName=fill['filter']))
            doc.close(True)
        try:
            desktop.terminate()
        except Exception:  # the bridge goes away as LibreOffice quits
            pass
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()
            office.wait()


if __name__ == '__main__':
    main()
