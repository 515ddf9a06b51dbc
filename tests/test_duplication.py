"""DUP003 and DUP004 through the configuration: the options that extend their exceptions."""

from __future__ import annotations

from lint.api import Linter
from lint.cache import Cache
from lint.config import Overrides

TEXT = "Il dialogo tra Distretto e Distretto è difficile. Lo hanno definito penoso e penoso, a ondate e ondate.\n"


def _codes(tmp_path, config: str | None) -> list[str]:
    if config is not None:
        (tmp_path / ".refuso.yaml").write_text(config, encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    linter = Linter(load_entry_points=False, cache=Cache(None), overrides=Overrides(select=("DUP",)))
    return [f.text for f in linter.check_paths([str(article)]).findings]


def test_an_unknown_capitalised_word_after_tra_is_a_name_until_configured(tmp_path):
    assert _codes(tmp_path, None) == ["Distretto e Distretto", "penoso e penoso", "ondate e ondate"]


def test_options_make_common_nouns_and_iterations(tmp_path):
    config = (
        "language: it\n"
        "rules:\n"
        "  DUP003:\n    options: {common_nouns: [Distretto]}\n"
        "  DUP004:\n    options: {allow: [ondate]}\n"
    )
    assert _codes(tmp_path, config) == ["penoso e penoso"]
