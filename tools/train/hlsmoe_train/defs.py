"""The project's `.def` declarations (model/targets.def, confidence.def, backbone.def, flows.def):
X-macro files that the C build includes and these tools read, so that both follow one list.

An entry is a line `MACRO(arg, arg, ...)`, optionally followed by a /* comment */; arguments are
split at commas (none of the files puts a comma inside an argument) and lose surrounding quotes.
"""
import re

_ENTRY = re.compile(r"^(\w+)\((.*)\)\s*(/\*.*)?$")


def entries(path, macros):
    """[(macro, [arg, ...])] of the entries of path whose macro is one of `macros`, in file order."""
    out = []
    with open(path) as f:
        for line in f:
            m = _ENTRY.match(line.strip())
            if m and m.group(1) in macros:
                out.append((m.group(1), [a.strip().strip('"') for a in m.group(2).split(",")]))
    return out
