"""spaCy pipeline components: put extract's normalizer, persons, dates and events into your own ``nlp``.

    import spacy
    nlp = spacy.blank("zh")                      # or "de", "en"; any tokenizer
    nlp.add_pipe("extract_normalizer")
    nlp.add_pipe("extract_persons")
    nlp.add_pipe("extract_dates", config={"reference": "2024-05-06"})
    nlp.add_pipe("extract_events")
    doc = nlp("星河科技5月6日公告，首席执行官王建国辞职，陈晓燕接任。")
    doc.ents                      # (王建国, 5月6日, 陈晓燕)
    doc.spans["dates"][0]._.value # '2024-05-06'
    doc._.events[0]["type"]       # 'depart'

The components are found by name once the package is installed (entry points in the group
``spacy_factories``); importing this module registers them too. Each reads ``doc.text`` and calls
the library's stage functions (``extract.find_persons``, ``find_dates``, ``find_events``, with
keywords), so a doc gets what the pipeline finds in one article body; no I/O, nothing global is
changed but spaCy's registry of factories and extension attributes.

What they write (spans are expanded to the doc's token boundaries when a tokenizer cuts inside
a name; a span that cannot be placed is skipped):

- ``extract_normalizer``: ``doc._.simplified`` (the text in Simplified Chinese, with the OpenCC
  configuration the pipeline would choose), ``doc._.opencc_config``, ``token.norm_`` (the token
  in Simplified).
- ``extract_persons``: ``doc.spans["persons"]`` and ``doc.ents`` (label ``PERSON``);
  ``span._.person_key`` (the person's name, which groups mentions of one person in the doc),
  ``span._.person_id`` (the ``P…`` id the tables would give), ``span._.source`` (what found it).
- ``extract_dates``: ``doc.spans["dates"]`` and ``doc.ents`` (``DATE``; ``TIME`` for a time of
  day); ``span._.value`` (ISO 8601), ``span._.date_type`` (date/time/duration/set),
  ``span._.relative``, ``span._.date_start`` / ``span._.date_end`` (datetimes, see ``dates.spans``).
- ``extract_events``: ``doc._.events`` (one dict per event: type, persons, org, role, date,
  trigger, start_char, end_char, evidence), ``doc.spans["events"]`` (the triggers, labelled by
  event type; ``span._.event`` is the dict).

``doc.ents`` keeps entities other components set; where two overlap the longer stays. Relative
dates (去年, *last month*) are resolved against ``doc._.reference_date`` when set, else the
component's ``reference`` setting, else they stay unresolved.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

LANGUAGES = ("zh", "de", "en")

_DOC_EXTENSIONS = ("simplified", "opencc_config", "reference_date", "events")
_SPAN_EXTENSIONS = ("person_key", "person_id", "source", "value", "date_type", "relative", "date_start", "date_end", "event")


def _register_extensions() -> None:
    for name in _DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for name in _SPAN_EXTENSIONS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


_register_extensions()


def _language(nlp: Language, lang: str | None) -> str:
    code = lang or nlp.lang
    if code not in LANGUAGES:
        raise ValueError(f"the extract components read zh, de or en text, not {code!r}: "
                         f"give the language with config={{'lang': 'zh'}} (or 'de', 'en')")
    return code


def _span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    """The span of ``doc`` covering characters start–end, widened to whole tokens."""
    if start < 0 or end <= start:
        return None
    return doc.char_span(start, end, label=label, alignment_mode="expand")


def _add_ents(doc: Doc, spans: list[Span]) -> None:
    """Add ``spans`` to ``doc.ents``; of overlapping entities the longer (then the earlier) stays."""
    doc.ents = filter_spans(list(doc.ents) + spans)


class Normalizer:
    """``doc._.simplified``, ``doc._.opencc_config`` and ``token.norm_`` in Simplified Chinese."""

    def __init__(self, lang: str):
        self.lang = lang

    def __call__(self, doc: Doc) -> Doc:
        from .normalize import choose_config, to_simplified

        config = choose_config(doc.text[:20000]) if self.lang == "zh" else "s2s"
        doc._.opencc_config = config
        doc._.simplified = to_simplified(doc.text, config)
        if config != "s2s":
            for token in doc:
                simplified = to_simplified(token.text, config)
                if simplified != token.text:
                    token.norm_ = simplified
        return doc


class PersonFinder:
    def __init__(self, lang: str, use_ents: bool):
        self.lang, self.use_ents = lang, use_ents

    def __call__(self, doc: Doc) -> Doc:
        import extract

        spans = []
        for row in extract.find_persons(doc.text, lang=self.lang).itertuples():
            span = _span(doc, row.char_start, row.char_end, "PERSON")
            if span is not None:
                span._.person_key, span._.person_id, span._.source = row.name, row.person_id, row.source
                spans.append(span)
        doc.spans["persons"] = spans
        if self.use_ents:
            _add_ents(doc, spans)
        return doc


class DateFinder:
    def __init__(self, lang: str, reference: str | None, use_ents: bool):
        self.lang, self.reference, self.use_ents = lang, reference, use_ents

    def __call__(self, doc: Doc) -> Doc:
        import extract

        from .dates.spans import interval

        reference = doc._.reference_date or self.reference
        spans = []
        for row in extract.find_dates(doc.text, lang=self.lang, reference=reference).itertuples():
            span = _span(doc, row.char_start, row.char_end, "TIME" if row.type == "time" else "DATE")
            if span is None:
                continue
            value = row.value if isinstance(row.value, str) else None
            span._.value, span._.date_type, span._.relative = value, row.type, bool(row.relative)
            span._.date_start, span._.date_end = interval(value) or (None, None)
            spans.append(span)
        doc.spans["dates"] = spans
        if self.use_ents:
            _add_ents(doc, spans)
        return doc


class EventFinder:
    def __init__(self, lang: str, reference: str | None):
        self.lang, self.reference = lang, reference

    def __call__(self, doc: Doc) -> Doc:
        import extract

        reference = doc._.reference_date or self.reference
        events, triggers = [], []
        for row in extract.find_events(doc.text, lang=self.lang, reference=reference).itertuples():
            event = {"type": row.type, "persons": list(row.persons),
                     "org": row.org if isinstance(row.org, str) else None,
                     "role": row.role if isinstance(row.role, str) else None,
                     "date": row.date if isinstance(row.date, str) else None, "trigger": row.trigger,
                     "start_char": int(row.char_start), "end_char": int(row.char_end), "evidence": row.evidence}
            events.append(event)
            span = _span(doc, event["start_char"], event["end_char"], row.type)
            if span is not None:
                span._.event = event
                triggers.append(span)
        doc._.events = events
        doc.spans["events"] = triggers
        return doc


@Language.factory("extract_normalizer", default_config={"lang": None})
def make_normalizer(nlp: Language, name: str, lang: str | None) -> Normalizer:
    """Simplified Chinese of the doc and its tokens (``doc._.simplified``, ``token.norm_``)."""
    return Normalizer(_language(nlp, lang))


@Language.factory("extract_persons", default_config={"lang": None, "use_ents": True})
def make_persons(nlp: Language, name: str, lang: str | None, use_ents: bool) -> PersonFinder:
    """Person mentions: ``doc.spans["persons"]`` and ``PERSON`` entities."""
    return PersonFinder(_language(nlp, lang), use_ents)


@Language.factory("extract_dates", default_config={"lang": None, "reference": None, "use_ents": True})
def make_dates(nlp: Language, name: str, lang: str | None, reference: str | None, use_ents: bool) -> DateFinder:
    """Time expressions with ISO values: ``doc.spans["dates"]`` and ``DATE`` / ``TIME`` entities."""
    return DateFinder(_language(nlp, lang), reference, use_ents)


@Language.factory("extract_events", default_config={"lang": None, "reference": None})
def make_events(nlp: Language, name: str, lang: str | None, reference: str | None) -> EventFinder:
    """Personnel events: ``doc._.events`` and their triggers in ``doc.spans["events"]``."""
    return EventFinder(_language(nlp, lang), reference)


__all__ = ["make_normalizer", "make_persons", "make_dates", "make_events"]
