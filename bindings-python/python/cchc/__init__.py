"""cchc — scoring Vietnam's administrative-reform index (Chỉ số CCHC).

A criteria set (bộ tiêu chí) in the ``cchc/1`` format is loaded, checked and compiled once by
the Rust engine; it then scores any number of assessed units (đơn vị) exactly. This package is
a thin wrapper: values are converted and handed to the engine, which does all the scoring.

>>> import cchc
>>> rs = cchc.Ruleset.load("rules/examples/spec-example.yaml")
>>> r = rs.score({"id": "binh-phu", "values": {"kh_ban_hanh_dung_han": True}})
>>> r.status, r.total, r.index          # numbers are exact decimal.Decimal
>>> print(r.explain())
>>> batch = rs.score_many(units)        # a list of dicts or a pandas DataFrame
>>> batch.ranking, batch.to_pandas()
>>> rs.rounds                          # assessment rounds, when the ruleset declares them
>>> r.round, r.rounds                  # the official round; each round's figures
>>> rs.score_many(units, round="tu_cham")   # scored and ranked as of a round

Language: every text for people (explanations, ``trace``, error and warning messages, the
exceptions' messages, ``repr``) is Vietnamese by default and English on request:
``cchc.set_lang("en")`` changes the module default (initially ``CCHC_LANG``, else ``"vi"``),
and ``lang="en"`` on a call (``r.explain(lang="en")``, ``r.to_json(lang="en")``,
``Ruleset.load(path, lang="en")``…) chooses it for that call. Codes (``unknown_key``…), ids,
statuses and the language-neutral ``why`` / ``message_id`` / ``args`` are the same in every
language.

Errors: :class:`RulesetError` (a rule file with problems; ``.errors`` lists every one, each with
``code``, ``file``, ``line``, ``column``, ``criterion`` and ``message``), :class:`DataError`
(data text that cannot be read as units); both derive from :class:`CchcError`. A unit's own bad
data never raises: it is reported in that unit's ``errors``.
"""

from ._cchc import (
    CODES,
    LANGS,
    Batch,
    CchcError,
    DataError,
    Diagnostic,
    Report,
    Result,
    Ruleset,
    RulesetError,
    __version__,
    get_lang,
    set_lang,
)

__all__ = [
    "CODES",
    "LANGS",
    "Batch",
    "CchcError",
    "DataError",
    "Diagnostic",
    "Report",
    "Result",
    "Ruleset",
    "RulesetError",
    "__version__",
    "get_lang",
    "set_lang",
]
