"""Stage 4c — events: personnel and business events from trigger words and sentence structure.

Modules: ``lexicons`` (the rules of a language), ``modality`` (step 1), ``subjects`` (2),
``arguments``, ``phrases`` and ``timing`` (3), ``merge`` (4), ``find`` (the loop), ``context`` (working records).

``find_events(sentences, mentions, dates, language, reference)`` turns the sentences of one
article, its person mentions and its time expressions into :class:`~extract.model.Event` records
of the nine contract types (depart, join, dismiss, appoint, return, leave_of_absence, found, sue,
merge). Rules and word lists are data in ``resources/``:

- ``events_triggers_{zh,de,en}.txt``  trigger → type, voice (agent / patient), flags;
- ``events_negation_{zh,de,en}.txt``  negation, hypothesis, plan, rumour and denial cues;
- ``titles.txt`` (the ``post`` entries) + ``events_role_modifiers.txt``  roles;
- ``orgs.txt``  organizations: well-known names, Latin name endings, Chinese suffixes;
- ``events_cues.txt``  passive markers, pronouns, coordinators, blockers;
- ``event_types_map.txt``  our types ↔ ACE 2005 ↔ DuEE 1.0 (documentation, loaded by tests).

Per sentence (title/content only), one pre-compiled alternation finds the triggers; only a
sentence with a trigger does any more work:

1. **Skip** a trigger inside a blocker word (新成立的, 曾担任, 成立70周年, 上任以来, 离职潮) or with a
   negation / hypothesis cue in its clause (否认离职, 并无加入, 计划加入, 会不会离职, may join, nicht
   zurückgetreten), or out of its sense: an ``objorg`` trigger (离开, 回归) whose object is no
   organization, post or word for one, or whose clause travels to no organization (离开北京, 离开白宫
   前往机场), a ``noplace`` trigger after a place name (澳门回归), a trigger modifying an unnamed
   person noun (刚入职的新老师: that person's event, not a named one's).
2. **Subject**: an agent trigger (辞职, join) takes the nearest person before it in its clause,
   plus persons coordinated with it (A 和 B; A and B), plus comitative ones for joint acts
   (与 A 一起创立); else a relative-clause head after it (加入 X 的 A); else the person of an
   earlier clause of the sentence unless a plural subject intervenes; else, after a singular
   pronoun (他, er, she), the first person of the previous sentence. A patient trigger (解雇,
   appointed) takes the person after it (the object) unless a passive marker (被, was, wurde)
   precedes it, then the person before. A trigger heading a list ("离职的还包括以下员工:") gives
   one event per following line that begins with a name.
3. **Organization** in the trigger's frame (its clause, not past another trigger: 离职并加入X gives X
   to 加入 only; not a place of saying, 在推特上): the organization of the post the trigger names
   (出任X公司CEO, 辞去X职务; not the appointing body before a patient trigger when the post has its
   own), the trigger's object (加入X, 离开X, 退出国家队), 从 X 离职, the hiring organization (谷歌聘用A),
   the subject's affiliation (南国置业董事长A辞职; not for a new post), else the nearest before it in
   the sentence that is no other trigger's object. Candidates: the org lexicons, Chinese names
   before a suffix (公司/大学/团队…) whose left edge is where jieba's words stop being name-like
   (``phrases``: 发公告称董事会 is none), the name right before a post (南国置业董事长, X 的 CTO),
   CamelCase, acronyms and (zh/en) capitalized Latin words that are not persons. After the article is
   read, a departure, dismissal, return or leave still without one takes the organization its person
   is introduced with elsewhere, else the organization the article is about (the headline's counts
   three times; at least three and more than any other). **Role**: posts whole (执行长, 发展局局长 with
   its department or team, 常务副总经理 with its modifiers) after an appointment trigger, named with a
   departure (辞去首席执行官职务), or before the first of coordinated subjects (安全团队负责人A和B); else
   the post of an earlier event of the person in the sentence (加入X担任Y，并于4月辞职), else the one the
   person is introduced with elsewhere in the article; **date** = the time expression governing the
   trigger: one of its own clause with no other trigger in between (于2019年加入…，今日宣布离职
   gives 加入 2019 and 离职 today; who founded X in 2004, stepped down leaves the depart undated),
   else the nearest before it that no trigger of another clause owns, else a later restatement's
   (被任命为CTO，任命自3月10日起生效), else a date-only heading line governing the block
   (timelines), else after 同时/gleichzeitig the latest date of the events told before, else the
   last date of the previous sentences of the same paragraph, else the reference date when a
   present-time adverb (刚刚, gerade, just) says it happened at publication, else None. Measured on the dev gold:
   falling back to the reference date for every undated event drops date accuracy from 0.74 to
   0.56 (gold leaves background events undated).
   A post taken in the clause right after a join/return (加盟X，出任营运总裁; 重返集团，出任董事)
   is that event's role, not a second appointment; so is a succession verb without a post of its
   own (重新出任董事长，接替A). German/English names right after a preposition (von Firmengründer
   X, zu X, from co-founder X) are never the subject; a German verb-second clause with nothing
   before the verb takes the person after it (Kommissarisch übernimmt Vorstand X …).
4. **Merge** statements of the same real-world event: same type, overlapping persons (or same org
   when no person), compatible org and date; the clearest statement (most fields, most precise
   date) is kept as evidence.

Pure: no I/O beyond the cached resource files, no printing.
"""
from __future__ import annotations

from .find import find_events

__all__ = ["find_events"]
