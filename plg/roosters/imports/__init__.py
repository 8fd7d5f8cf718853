"""Read a school's timetable files into plain data, all or nothing.

A planner uploads the files the school already has once per term. Each reader turns bytes into
frozen dataclasses (``records``), or raises `ImportMislukt` with every problem found (up to
`MAX_FOUTEN`), so the planner fixes the file once instead of once per error, and the caller
stores nothing. No database.

One module per format:

- ``lessen_csv``: our own CSV of lessons (``read_lessen_csv``);
- ``untis``: the Untis "DIF" text exports GPU001 and GPU004 (``read_gpu_lessen``,
  ``read_gpu_leerkrachten``);
- ``ical``: iCalendar exports of Outlook and Google, busy blocks only (``read_ical``).

and the parts they share: ``errors`` (every problem named by file, line and field), ``text``
(bytes to text and rows) and ``values`` (a day, a period, a teacher, an e-mail address).

Every lesson reader returns at most one `LesRegel` per (leerkracht, dag, lesuur): a teacher is
busy in a period or not, which is all the planner needs. Teacher codes are compared without regard
to case (the school's people are matched that way too); e-mail addresses come out in lower case.

Encodings: a UTF-8 or UTF-16 byte order mark is trusted, UTF-16 without one is recognised by its
zero bytes, then strict UTF-8, else Windows-1252 (what Untis and older Excel write as "ANSI").
The separator is detected; `scheidingsteken` and `codering` let the caller ask the user instead.
"""
