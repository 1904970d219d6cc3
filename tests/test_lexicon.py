"""lexicon: resource files load with comments skipped, a bad line names file:line, and every shipped
resource has a header and loads through the function its stage uses."""
from __future__ import annotations

import re
from importlib import resources

import pytest

from extract import lexicon

_CACHED = (lexicon.rows, lexicon.words, lexicon.mapping, lexicon.grouped, lexicon.patterns)


def _clear():
    for f in _CACHED:
        f.cache_clear()


@pytest.fixture
def res_dir(tmp_path, monkeypatch):
    """A temporary resources folder: files written here are what the loaders read."""
    monkeypatch.setattr(lexicon, "_path", lambda name: tmp_path / name)
    _clear()
    yield tmp_path
    _clear()          # the next test reads the shipped files again, not these


def _write(folder, name, text):
    (folder / name).write_text(text, encoding="utf-8")
    return name


# (id, loader call, file text, line number the error must name)
MALFORMED = [
    ("mapping-one-field", lambda n: lexicon.mapping(n), "# k<TAB>v\nJeff\tJeffrey\nBob\n", 3),
    ("mapping-three-fields", lambda n: lexicon.mapping(n), "# k<TAB>v\n\nBob\tRobert\textra\n", 3),
    ("grouped-one-field", lambda n: lexicon.grouped(n), "# lang<TAB>word\nde\tChef\n# more\n\nCEO\n", 5),
    ("rows-too-few", lambda n: lexicon.rows(n, 3, 4), "# a<TAB>b<TAB>c\n离职\tdepart\tagent\n辞职\tdepart\n", 3),
    ("rows-too-many", lambda n: lexicon.rows(n, 1, 1), "# one per line\nOpenAI\nGoogle\tDeepMind\n", 3),
    ("patterns-no-tab", lambda n: lexicon.patterns(n), "# reason<TAB>regex\nnav\t^home$\nfooter ^impressum\n", 3),
    ("patterns-bad-regex", lambda n: lexicon.patterns(n, re.I), "# reason<TAB>regex\n\nspam\t(unclosed\n", 3),
]


@pytest.mark.parametrize("load, text, line_no", [pytest.param(*c[1:], id=c[0]) for c in MALFORMED])
def test_lexicon_malformed_line_names_file_and_line(res_dir, load, text, line_no):
    name = _write(res_dir, "broken.txt", text)
    with pytest.raises(lexicon.ResourceError, match=rf"resources/broken\.txt:{line_no}:"):
        load(name)


@pytest.mark.parametrize("load, text, expected", [
    pytest.param(lambda n: lexicon.rows(n), "# header\n\nOpenAI\n   \n  # indented comment\nGoogle\n",
                 (("OpenAI",), ("Google",)), id="rows"),
    pytest.param(lambda n: lexicon.rows(n, 2, 3), "# a<TAB>b[<TAB>c]\nmonth\tMai\t5\n\n# x\nweekday\tMontag\n",
                 (("month", "Mai", "5"), ("weekday", "Montag")), id="rows-optional-field"),
    pytest.param(lambda n: lexicon.rows(n, 2, 2), "# k<TAB>v\n  Jeff \t Jeffrey  \n", (("Jeff", "Jeffrey"),),
                 id="fields-stripped"),
    pytest.param(lambda n: lexicon.rows(n, 2, 2), "# k<TAB>v\r\nJeff\tJeffrey\r\n\r\nBob\tRobert\r\n",
                 (("Jeff", "Jeffrey"), ("Bob", "Robert")), id="crlf"),
    pytest.param(lambda n: lexicon.words(n), "# one per line\n主席\n\n董事会主席\tnote\n主席\n",
                 frozenset({"主席", "董事会主席"}), id="words-first-field"),
    pytest.param(lambda n: lexicon.mapping(n), "# short<TAB>full\nJeff\tJeffrey\n# Bob\tRobert\nKate\tKatherine\n",
                 {"Jeff": "Jeffrey", "Kate": "Katherine"}, id="mapping"),
    pytest.param(lambda n: lexicon.grouped(n), "# lang<TAB>word\nzh\t说\nde\tsagte\n\nzh\t表示\n",
                 {"zh": ("说", "表示"), "de": ("sagte",)}, id="grouped-file-order"),
])
def test_lexicon_skips_comments_and_blank_lines(res_dir, load, text, expected):
    assert load(_write(res_dir, "ok.txt", text)) == expected


def test_lexicon_patterns_compile_with_flags(res_dir):
    name = _write(res_dir, "p.txt", "# reason<TAB>regex\n\n# nav\t(\ncopyright\t^©\\s*\\d{4}\nnav\t^startseite$\n")
    pats = lexicon.patterns(name, re.I)
    assert [k for k, _ in pats] == ["copyright", "nav"]
    assert pats[1][1].search("STARTSEITE") and pats[0][1].search("© 2024 Harlow Logistics")


def test_lexicon_files_are_read_once(res_dir):
    name = _write(res_dir, "cached.txt", "# one per line\nOpenAI\n")
    assert lexicon.words(name) == {"OpenAI"}
    _write(res_dir, name, "# one per line\nGoogle\n")
    assert lexicon.words(name) == {"OpenAI"}      # cached for the process
    _clear()
    assert lexicon.words(name) == {"Google"}


@pytest.mark.parametrize("entries, expected", [
    pytest.param(["主席", "董事会主席", "会主席"], "董事会主席|会主席|主席", id="longest-first"),
    pytest.param(["CEO", "CFO", "C"], "CEO|CFO|C", id="ties-sorted"),
    pytest.param(["Dr.", "C++", "a|b"], r"C\+\+|Dr\.|a\|b", id="escaped"),
    pytest.param(["", "Chef", "Chef", "Chefin"], "Chefin|Chef", id="empty-and-duplicates-dropped"),
    pytest.param([], "", id="empty"),
])
def test_lexicon_alternation_orders_longest_first(entries, expected):
    assert lexicon.alternation(entries) == expected


@pytest.mark.parametrize("entries, text, match", [
    pytest.param(["主席", "董事会主席"], "他被任命为董事会主席。", "董事会主席", id="zh"),
    pytest.param(["Chef", "Konzernchef"], "Der Konzernchef sagte", "Konzernchef", id="de"),
    pytest.param(["chief executive", "chief executive officer"], "the chief executive officer said",
                 "chief executive officer", id="en"),
])
def test_lexicon_alternation_matches_longest_entry(entries, text, match):
    assert re.search(lexicon.alternation(entries), text).group() == match


def test_lexicon_alternation_unescaped_keeps_regex():
    rx = lexicon.alternation([r"\d+月", "月"], escape=False)
    assert rx == r"\d+月|月"
    assert re.search(rx, "到12月为止").group() == "12月"


# every shipped resource and the call its stage makes (keep in step with the modules)
SHIPPED = {
    "clean_boilerplate.txt": lambda: lexicon.patterns("clean_boilerplate.txt", re.I),
    "clean_consent.txt": lambda: lexicon.patterns("clean_consent.txt", re.I),
    "clean_footer.txt": lambda: lexicon.patterns("clean_footer.txt", re.I),
    "clean_languages.txt": lambda: lexicon.words("clean_languages.txt"),
    "clean_list_headers.txt": lambda: lexicon.patterns("clean_list_headers.txt"),
    "clean_meta.txt": lambda: lexicon.patterns("clean_meta.txt", re.I),
    "clean_nav.txt": lambda: lexicon.words("clean_nav.txt"),
    "clean_spam.txt": lambda: lexicon.grouped("clean_spam.txt"),
    "clean_stopwords.txt": lambda: lexicon.rows("clean_stopwords.txt", 2, 2),
    "common_hanzi.txt": lambda: lexicon.rows("common_hanzi.txt", 2, 2),
    "dates_de.txt": lambda: lexicon.rows("dates_de.txt", 2, 3),
    "dates_en.txt": lambda: lexicon.rows("dates_en.txt", 2, 3),
    "dates_lunar.txt": lambda: lexicon.rows("dates_lunar.txt", 4, 4),
    "dates_zh.txt": lambda: lexicon.rows("dates_zh.txt", 2, 3),
    "event_types_map.txt": lambda: lexicon.rows("event_types_map.txt", 3, 3),
    "events_cues.txt": lambda: lexicon.rows("events_cues.txt", 3, 3),
    "events_negation_de.txt": lambda: lexicon.rows("events_negation_de.txt", 2, 2),
    "events_negation_en.txt": lambda: lexicon.rows("events_negation_en.txt", 2, 2),
    "events_negation_zh.txt": lambda: lexicon.rows("events_negation_zh.txt", 2, 2),
    "events_role_modifiers.txt": lambda: lexicon.rows("events_role_modifiers.txt", 2, 2),
    "events_triggers_de.txt": lambda: lexicon.rows("events_triggers_de.txt", 3, 4),
    "events_triggers_en.txt": lambda: lexicon.rows("events_triggers_en.txt", 3, 4),
    "events_triggers_zh.txt": lambda: lexicon.rows("events_triggers_zh.txt", 3, 4),
    "orgs.txt": lambda: lexicon.orgs(),
    "opencc_hk_markers.txt": lambda: lexicon.words("opencc_hk_markers.txt"),
    "opencc_tw_markers.txt": lambda: lexicon.words("opencc_tw_markers.txt"),
    "persons_edge_chars.txt": lambda: lexicon.words("persons_edge_chars.txt"),
    "persons_act_adverbs_zh.txt": lambda: lexicon.words("persons_act_adverbs_zh.txt"),
    "persons_given_names.txt": lambda: lexicon.words("persons_given_names.txt"),
    "persons_nicknames.txt": lambda: lexicon.rows("persons_nicknames.txt", 2, 2),
    "persons_not_names.txt": lambda: lexicon.words("persons_not_names.txt"),
    "persons_pinyin_syllables.txt": lambda: lexicon.words("persons_pinyin_syllables.txt"),
    "persons_speech_verbs.txt": lambda: lexicon.grouped("persons_speech_verbs.txt"),
    "persons_surnames_latin.txt": lambda: lexicon.words("persons_surnames_latin.txt"),
    "persons_surnames_zh.txt": lambda: lexicon.words("persons_surnames_zh.txt"),
    "persons_surnames_zh_rare.txt": lambda: lexicon.words("persons_surnames_zh_rare.txt"),
    "persons_translit_chars.txt": lambda: lexicon.rows("persons_translit_chars.txt", 1, 1),
    "titles.txt": lambda: lexicon.titles(),
    "segment_abbreviations.txt": lambda: lexicon.words("segment_abbreviations.txt"),
    "zhe_keep.txt": lambda: lexicon.words("zhe_keep.txt"),
}


def _shipped_dir():
    return resources.files("extract").joinpath("resources")


def test_lexicon_every_shipped_resource_has_a_loader_case():
    on_disk = {p.name for p in _shipped_dir().iterdir() if p.name.endswith(".txt")}
    assert on_disk == set(SHIPPED)


@pytest.mark.parametrize("name", sorted(SHIPPED))
def test_lexicon_shipped_resource_has_header_and_loads(name):
    text = _shipped_dir().joinpath(name).read_text(encoding="utf-8")
    assert text.splitlines()[0].startswith("# "), f"{name}: the first line must be a '#' header saying the format"
    loaded = SHIPPED[name]()
    assert len(loaded) > 0, f"{name} loads no entries"
    assert not any(line.strip() and not line.lstrip().startswith("#") and "\ufffd" in line
                   for line in text.splitlines())


def test_lexicon_titles_kinds_split_posts_from_person_words():
    posts, person_words = lexicon.titles("post"), lexicon.titles("person")
    assert "首席科学家" in posts["zh"] and "执行长" in posts["zh"] and "Finanzvorstand" in posts["de"]
    assert "先生" in person_words["zh"] and "Herr" in person_words["de"] and "先生" not in posts["zh"]
    every = lexicon.titles()
    assert set(every["zh"]) == set(posts["zh"]) | set(person_words["zh"])


def test_lexicon_orgs_has_every_kind_and_both_scripts():
    orgs = lexicon.orgs()
    assert {"Logistics", "GmbH", "Inc"} <= set(orgs["end"]) and "公司" in orgs["zh-end"]
    assert "Google" in orgs["name"] and "阿里巴巴" in orgs["name"]
