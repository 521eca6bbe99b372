#!/usr/bin/env python3
"""Mechanical fixes for the Checkstyle violations that need no judgement.

Reads the Checkstyle console output (the `[ERROR] /path/File.java:line:col: message [Check]` lines that
`mvn validate -Dcheckstyle.failOnViolation=false` prints) from the file named as the first argument and fixes, in place:

- RequireThis: inserts the `this.` (or `Outer.this.`) the message asks for;
- SpringLambda "Lambda argument missing parentheses": `x -> ...` becomes `(x) -> ...`;
- inlineFullyQualifiedName: `java.util.List` in code becomes `List` plus an import (not when another type of the
  same simple name is imported already: those are left for a person);
- InnerTypeLast: moves the nested types of a top-level type after its fields, constructors and methods;
- SpringImportOrder, UnusedImports, RedundantImport: rewrites the import block in the Spring order (java, javax,
  others, dev.migrator, then static imports; groups apart, each sorted) and drops the imports reported as unused.

Run the formatter afterwards (lines change length). Everything else is reported, not touched.
"""

import collections
import re
import sys

ROOT_PACKAGE = "dev.migrator"
VIOLATION = re.compile(r"^\[(?:ERROR|WARN|WARNING)\] (/\S+\.java):(\d+)(?::(\d+))?: (.*) \[(\w+)\]\s*$")
FQN = re.compile(r"(?<![\w.\"$])\b((?:java|javax|jakarta|org|com|io|net|dev)\.(?:[a-z][a-z0-9_]*\.)+)([A-Z]\w*)")
IMPORT = re.compile(r"^import\s+(static\s+)?([\w.]+(?:\.\*)?)\s*;\s*$")
TYPE_HEADER = re.compile(
    r"^((public|protected|private|static|final|abstract|sealed|non-sealed|strictfp)\s+)*"
    r"(class|interface|enum|record|@interface)\b")


def read_violations(log):
    found = collections.defaultdict(list)
    with open(log, encoding="utf-8") as lines:
        for line in lines:
            match = VIOLATION.match(line)
            if match:
                path, row, col, message, check = match.groups()
                found[path].append((int(row), int(col) if col else 0, message, check))
    return found


def fix_require_this(lines, violations):
    fixes = sorted(((row, col, message) for row, col, message, check in violations if check == "RequireThis"),
                   reverse=True)
    for row, col, message in sorted(set(fixes), reverse=True):
        prefix = re.search(r'needs "([\w.]+)"', message).group(1)
        text = lines[row - 1]
        lines[row - 1] = text[:col - 1] + prefix + text[col - 1:]


def fix_lambda_parentheses(lines, violations):
    for row, col, message, check in sorted(set(violations), reverse=True):
        if check == "SpringLambda" and "missing parentheses" in message:
            text = lines[row - 1]
            match = re.search(r"(\w+)(\s*)$", text[:col - 1])  # the column is the arrow's
            if match:
                lines[row - 1] = text[:match.start()] + "(" + match.group(1) + ")" + text[match.end(1):]


def fix_inline_names(lines, violations, imports):
    rows = sorted({row for row, _, _, check in violations if check == "inlineFullyQualifiedName"})
    imported = {name.rsplit(".", 1)[1]: name for static, name in imports if not static}
    for row in rows:
        def replace(match):
            package, simple = match.group(1), match.group(2)
            qualified = package + simple
            if package == "java.lang.":
                return simple
            if imported.get(simple, qualified) != qualified:
                return match.group(0)
            imported[simple] = qualified
            imports.add((False, qualified))
            return simple
        lines[row - 1] = FQN.sub(replace, lines[row - 1])


def rewrite_imports(lines, imports, unused):
    rows = [i for i, line in enumerate(lines) if IMPORT.match(line)]
    if not rows and not imports:
        return lines
    kept = {entry for entry in imports if entry[1] not in unused}
    java, javax, others, project, static = [], [], [], [], []
    for is_static, name in sorted(kept, key=lambda entry: entry[1]):
        if is_static:
            static.append("import static " + name + ";")
        elif name.startswith("java."):
            java.append("import " + name + ";")
        elif name.startswith("javax."):
            javax.append("import " + name + ";")
        elif name == ROOT_PACKAGE or name.startswith(ROOT_PACKAGE + "."):
            project.append("import " + name + ";")
        else:
            others.append("import " + name + ";")
    block = []
    for group in (java, javax, others, project, static):
        if group:
            block.extend(group)
            block.append("")
    if rows:
        start, end = rows[0], rows[-1] + 1
    else:
        start = next(i for i, line in enumerate(lines) if line.startswith("package ")) + 1
        while start < len(lines) and not lines[start].strip():
            start += 1
        end = start
        block = [""] + block
    while end < len(lines) and not lines[end].strip():
        end += 1
    return lines[:start] + block + lines[end:]


def skip_literal(text, i):
    """Index just past the string, text block, char literal or comment that starts at i (or i itself)."""
    if text.startswith('"""', i):
        j = i + 3
        while not text.startswith('"""', j) or text[j - 1] == "\\":
            j += 1
        return j + 3
    if text[i] in "\"'":
        quote, j = text[i], i + 1
        while text[j] != quote:
            j += 2 if text[j] == "\\" else 1
        return j + 1
    if text.startswith("//", i):
        return text.index("\n", i)
    if text.startswith("/*", i):
        return text.index("*/", i + 2) + 2
    return i


def strip_header(segment):
    """The declaration without comments and annotations, up to its first brace or semicolon."""
    text = re.sub(r"/\*.*?\*/|//[^\n]*", " ", segment, flags=re.S)
    text = re.sub(r"@(?!interface\b)[\w.]+(\s*\((?:[^()]|\([^()]*\))*\))?", " ", text)
    return re.split(r"[{;=]", text, maxsplit=1)[0].strip()


def move_inner_types_last(text):
    """Moves the nested types of the first top-level type body after its other members."""
    i, depth, body_start = 0, 0, None
    members, segment_start = [], None
    while i < len(text):
        skipped = skip_literal(text, i)
        if skipped != i:
            i = skipped
            continue
        char = text[i]
        if char == "{":
            depth += 1
            if depth == 1 and body_start is None:
                body_start = segment_start = i + 1
        elif char == "}":
            depth -= 1
            if depth == 1:
                following = text[i + 1:].lstrip()
                if not following.startswith((";", ",", ")", ".")):
                    members.append((segment_start, i + 1))
                    segment_start = i + 1
            elif depth == 0:
                body_end = i
                break
        elif char == ";" and depth == 1 and segment_start is not None:
            members.append((segment_start, i + 1))
            segment_start = i + 1
        i += 1
    else:
        return text
    if body_start is None or not members:
        return text
    chunks = [text[start:end] for start, end in members]
    is_type = [bool(TYPE_HEADER.match(strip_header(chunk))) for chunk in chunks]
    if "enum" in strip_header(text[:body_start]).split():
        return text
    reordered = [c for c, t in zip(chunks, is_type) if not t] + [c for c, t in zip(chunks, is_type) if t]
    if reordered == chunks:
        return text
    return text[:members[0][0]] + "".join(reordered) + text[members[-1][1]:]


def main():
    violations = read_violations(sys.argv[1])
    for path, found in sorted(violations.items()):
        checks = {check for _, _, _, check in found}
        with open(path, encoding="utf-8") as source:
            original = source.read()
        text = original
        if "InnerTypeLast" in checks:
            text = move_inner_types_last(text)
            if text != original:
                # line numbers of the other violations no longer hold: fix those on the next run
                found = [v for v in found if v[3] == "InnerTypeLast"]
        lines = text.split("\n")
        imports = {(bool(m.group(1)), m.group(2)) for m in map(IMPORT.match, lines) if m}
        fix_require_this(lines, found)
        fix_lambda_parentheses(lines, found)
        fix_inline_names(lines, found, imports)
        unused = {re.search(r"Unused import - ([\w.]+)", message).group(1).rstrip(".")
                  for _, _, message, check in found if check == "UnusedImports"}
        if checks & {"SpringImportOrder", "UnusedImports", "RedundantImport", "inlineFullyQualifiedName"}:
            lines = rewrite_imports(lines, imports, unused)
        text = "\n".join(lines)
        if text != original:
            with open(path, "w", encoding="utf-8") as source:
                source.write(text)
            print("fixed", path)


if __name__ == "__main__":
    main()
