"""Three-way merge of Qt .ts catalogues by (context, source), for git as a merge driver.

Several branches add translations to the one catalogue at once; a line-based merge of the XML
then conflicts on every pair of neighbouring additions. This driver merges messages instead:

    git config merge.tsunion.name "Qt .ts union by message"
    git config merge.tsunion.driver "python3 tools/ts_merge.py %O %A %B"

(`.gitattributes` assigns it to `resources/translations/*.ts`.) It writes the result into the
second file (git's %A) and exits 0. A message changed on both sides keeps our side's translation.
A message removed on one side and untouched on the other is removed. Contexts are sorted by
name, messages keep the order of our side with theirs appended, as `pyside6-lupdate` would
rewrite them anyway on the next `python -m app.qt.i18n update`.

Standalone: `python tools/ts_merge.py BASE OURS THEIRS` writes the merge into OURS.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from xml.sax.saxutils import escape

Key = tuple[str, str, str]  # context, source, comment


def _load(path: str) -> tuple[dict[str, str], dict[Key, ET.Element], list[Key]]:
    text = Path(path).read_text(encoding="utf-8") if Path(path).stat().st_size else ""
    if not text.strip():
        return {}, {}, []
    root = ET.fromstring(text)  # noqa: S314 (our own catalogue, from our repository)
    messages: dict[Key, ET.Element] = {}
    order: list[Key] = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            messages[key] = message
            order.append(key)
    return dict(root.attrib), messages, order


def _same(a: ET.Element | None, b: ET.Element | None) -> bool:
    if a is None or b is None:
        return a is b
    return ET.tostring(a) == ET.tostring(b)


def _text(value: str) -> str:
    return escape(value, {"'": "&apos;", '"': "&quot;"})


def _message(message: ET.Element) -> list[str]:
    attrs = "".join(f' {k}="{_text(v)}"' for k, v in sorted(message.attrib.items()))
    lines = [f"    <message{attrs}>"]
    for child in message:
        if child.tag == "translation" and len(child):
            t_attrs = "".join(f' {k}="{_text(v)}"' for k, v in sorted(child.attrib.items()))
            lines.append(f"        <translation{t_attrs}>")
            lines.extend(
                f"            <numerusform>{_text(form.text or '')}</numerusform>" for form in child
            )
            lines.append("        </translation>")
        else:
            c_attrs = "".join(f' {k}="{_text(v)}"' for k, v in sorted(child.attrib.items()))
            lines.append(f"        <{child.tag}{c_attrs}>{_text(child.text or '')}</{child.tag}>")
    lines.append("    </message>")
    return lines


def merge(base: str, ours: str, theirs: str) -> str:
    _, o_msgs, _ = _load(base)
    attrs, a_msgs, a_order = _load(ours)
    t_attrs, b_msgs, b_order = _load(theirs)
    attrs = attrs or t_attrs or {"version": "2.1", "language": "nl_BE"}
    result: dict[Key, ET.Element] = {}
    order = a_order + [k for k in b_order if k not in a_msgs]
    for key in order:
        a, b, o = a_msgs.get(key), b_msgs.get(key), o_msgs.get(key)
        if a is not None and b is not None:
            result[key] = b if _same(a, o) else a
        elif a is not None:
            if o is None or not _same(a, o):
                result[key] = a  # added by us, or changed by us while they removed it
        elif b is not None and (o is None or not _same(b, o)):
            result[key] = b
    contexts: dict[str, list[Key]] = {}
    for key in order:
        if key in result:
            contexts.setdefault(key[0], []).append(key)
    head = "".join(f' {k}="{_text(v)}"' for k, v in attrs.items())
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>", f"<TS{head}>"]
    for name in sorted(contexts):
        lines += ["<context>", f"    <name>{_text(name)}</name>"]
        for key in contexts[name]:
            lines += _message(result[key])
        lines.append("</context>")
    lines.append("</TS>")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print("usage: ts_merge.py BASE OURS THEIRS (writes into OURS)", file=sys.stderr)
        return 2
    base, ours, theirs = argv
    Path(ours).write_text(merge(base, ours, theirs), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
