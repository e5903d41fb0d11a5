"""Roles that give an actor its own sentiment in a sentence, apart from the sentence's.

A sentence's score says how its news reads; the actors in it need not share it. "Polisi
menangkap Budi, pelaku pencurian" is bad news (a theft) that is not bad about the police, and it
is bad about Budi even where a sentence reads as a remedy ("BNN menyita sabu dari jaringan
Fredy"). :func:`sentence_roles` finds, in one sentence, the actors that play one of these parts:

- ``culprit``: sanctioned by a law-enforcement act ("KPK menahan X", "X ditangkap"), accused ("X
  diduga menerima suap"), or named as the accused or convicted ("tersangka X", "X, pelaku ...",
  "X sebagai tersangka"); also who refuses peace, though it voices the refusal ("Israel menolak
  seruan gencatan senjata");
- ``agent``: the one who sanctions ("KPK menahan X", "X ditangkap KPK", "Bupati menutup tempat
  wisata yang melanggar tata ruang"): the crime is not theirs;
- ``judge``: the court or body that rules on a claim or acquits ("MK menolak gugatan Partai
  Buruh", "MA mengabulkan kasasi X", "Pengadilan memvonis bebas X"): it decides, and none of the
  decision's tone is its own;
- ``winner`` / ``loser`` of a contest ("Timnas menang atas Vietnam", "Persib kalah dari Persija",
  "X mencetak dua gol ke gawang Persija", "Kemenangan Persija atas Persib"), of a ruling on a
  claim ("MK menolak gugatan Partai Buruh", where the court is the judge), or of a trial: the
  acquitted or released prevail ("memvonis bebas X", "X dibebaskan"), and so does a suspect
  whose charge is voided ("penetapan tersangka X tidak sah");
- ``helper``: who brings aid or rescue after a disaster ("Gubernur X membagikan bantuan kepada
  korban banjir", "Basarnas mengevakuasi warga") or visits its victims ("Presiden mengunjungi
  pengungsi"): the disaster is not theirs, the help is;
- ``visitor``: who visits a disaster's site ("Gubernur X meninjau lokasi longsor"): as an agent,
  it takes none of the disaster's badness;
- ``target`` / ``critic``: who is criticised, condemned or sued ("ICW mengkritik DPR", "X dikecam
  warga", "Walhi menggugat PT X") reads badly; who criticises, condemns or sues voices the news,
  and as an agent takes none of its badness;
- ``requester``: who urges or asks ("Ketua DPR meminta pemerintah mengevaluasi program ...
  setelah ratusan siswa keracunan", "Gubernur meminta perusahaan memperbaiki jalan yang rusak")
  voices a request, good or bad: none of its tone is theirs;
- ``afflicted``: a place a disaster or its victims are named in ("korban banjir di Pekalongan",
  "lokasi gempa di Cianjur"), or where an agent acted against a crime ("Bareskrim menangkap pemilik
  situs judi online di Batam"): bad news for it, even where the sentence's news is the relief or
  the arrest;
- ``witness``: "X sebagai saksi" is not accused, whatever the case;
- ``source``: a body whose data or report the sentence cites ("data BPS", "lapor kantor berita
  Xinhua"), or that records or confirms cases ("Kemenkes mengonfirmasi kasus pertama cacar
  monyet") or files a complaint ("melaporkan dugaan malapraktik ke Polda"), tells the news without
  being what it is about.

Only persons and organisations play parts (a place is where things happen), except in a contest,
where a country is a side, where a country sanctions, deports or extradites, where one refuses
peace, and where a disaster strikes. The words are the team's, in
``data/roles.toml``. :func:`role_scores` turns a sentence's score into the actor's.
"""
from __future__ import annotations

import re
import tomllib
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Hashable, Sequence

import numpy as np

from warta import config
from warta.sentiment.lexicon import CLAUSE_BREAK, WORD
from warta.text import reads_as_verb

ROLE_FILE = config.DATA_DIR / "roles.toml"
# Roles by precedence: an actor with two parts in a sentence plays the first listed ("KPK
# memeriksa X sebagai saksi untuk tersangka Y": X is the witness the check names, not its target).
ROLES = ("witness", "source", "culprit", "loser", "afflicted", "winner", "helper", "visitor", "target", "judge",
         "agent", "critic", "requester")
ROLE_TYPES = frozenset({"PER", "ORG"})
# Countries and regions field teams: in a contest a place name is a side.
CONTEST_TYPES = ROLE_TYPES | {"LOC"}

# Words that end the reach of a role word: a new clause or a relative one starts there.
_STOP = frozenset({"yang", "karena", "terkait", "saat", "ketika", "setelah", "sebelum", "usai", "sejak", "untuk",
                   "agar", "sehingga", "hingga", "bahwa", "namun", "tetapi", "tapi", "sedangkan", "sementara",
                   "meski", "walau", "serta",
                   # English copy's (see data/roles.toml)
                   "who", "which", "because", "when", "after", "before", "since", "while", "that", "but",
                   "although"})
# A verb right after one of these shares its subject with the verb before ("X kalah dari Jepang
# dan tersingkir"): the name just before it is no subject.
_JOINED_PREDICATE = frozenset({"dan", "lalu", "kemudian", "serta", "and", "then"})
# An actor one or two words after these is where something happened, not who was acted on.
_PLACE_WORDS = frozenset({"di", "ke", "pada", "dalam", "in", "at", "on"})
_JOINING = frozenset({"dan", "serta", "and"})
# ... unless one of these stands before a person: "dalam perkara Harvey Moeis" names a party to the
# case ("dalam kasus PT Timah" is left as it was: a firm a case is named after may be its victim).
_CASE_WORDS = frozenset({"perkara", "kasus", "case"})
# The place a sanction was carried out in follows "di" ("menangkap pemilik situs judi online di
# Batam"); an arrest verb that may be a guard instead places a crime only with a culprit word after it.
_AT = frozenset({"di", "in"})
_SECURING = frozenset({"mengamankan"})
# Words that may stand inside a two-word phrase ("mengabulkan sebagian gugatan", "menolak seluruh gugatan").
_PHRASE_FILLERS = frozenset({"sebagian", "seluruh"})
# Between a culprit word and the name it heads ("tersangka kasus korupsi X") no preposition stands.
_NOT_IN_HEAD = _STOP | _PLACE_WORDS | {"dari", "kepada", "oleh", "dengan", "bersama", "terhadap", "atas", "milik",
                                        "from", "by", "with", "against", "of", "for"}
# "Budi, pelaku ...", "Budi, seorang pelaku ...", "Budi, yang merupakan tersangka ...".
_APPOSITION = re.compile(r"\s*,\s*(?:(?:seorang|sang|yang|merupakan|juga|mantan|eks|salah|satu)\s+){0,3}",
                         re.IGNORECASE)
# Kinds of words that play no part themselves (phrases that block a role word, crime nouns).
NON_PLAYING_KINDS = frozenset({"no_role", "crime_against", "source_outlet", "void", "victim", "goal", "disaster",
                               "prosecution", "incident", "wrongdoing", "peace", "workforce"})
# A count of the staff a sanction verb lets go ("memecat ratusan karyawan", "seluruh pekerjanya").
_COUNT_WORDS = frozenset({"puluhan", "ratusan", "ribuan", "belasan", "seluruh", "semua", "para", "sejumlah", "ribu",
                          "orang", "dozens", "hundreds", "thousands", "all", "the", "of", "its"})
# What staff let go did wrong, besides the culprit and wrongdoing words ("yang terlibat pungli").
_BROKE_A_RULE = frozenset({"terlibat", "terbukti", "melakukan"})
# The kinds of word a verb "<kind>_with_<need>" needs after it in its clause, where not the need itself.
_NEEDS = {"disaster": ("disaster", "victim"), "incident": ("incident", "wrongdoing")}
# What such a verb is where its need is missing but another's is met ("Bawaslu menemukan ribuan
# pelanggaran": no victims found, wrongs recorded).
_OTHERWISE = {"aid_with_disaster": "record_with_incident"}
# After these, a ruling's party is the one the claim was brought against: its role is the other.
_AGAINST = frozenset({"terhadap", "melawan", "against"})
_OTHER_SIDE = {"winner": "loser", "loser": "winner"}
_GOAL_MOUTH = frozenset({"gawang"})
# Kinds of words whose place is afflicted (see _Sentence._place_after), the nouns that may stand
# between, and the words before them that make the disaster a drill's or deny it.
_AFFLICTING = frozenset({"disaster", "victim"})
_PLACE_NOUNS = frozenset({"lokasi", "wilayah", "daerah", "kawasan", "kampung", "desa", "kelurahan", "kecamatan",
                          "kabupaten", "kota", "provinsi", "hutan", "lahan", "gudang", "pasar", "permukiman",
                          "perairan"})
_NO_AFFLICTION = frozenset({"simulasi", "gladi", "latihan", "mitigasi", "antisipasi", "penanggulangan", "tidak",
                            "tanpa", "nihil"})
# Words between an acquittal and the culprit word of the one it frees ("vonis bebas kepada terdakwa X").
_TO = frozenset({"kepada", "terhadap", "bagi", "para", "sang", "to", "the"})
# Kinds of words that sentence someone, and the acquittal each becomes with "bebas" after it.
_ACQUITTAL_OF = {"sanction": "acquittal", "sanction_of_persons": "acquittal", "sanctioned": "acquitted",
                 "sanctioned_persons": "acquitted"}
_PERSONS = frozenset({"PER"})
# The parts that a verb's neighbours play, by the verb's kind: (the role of the actors named just
# before it, their types, the role of those after it or None, their types, whether every actor
# after it up to a stop word plays, or only the first). Arrests, detentions and sentences take
# persons only; in a contest a country is a side, and one that sanctions, deports or extradites is
# an agent ("Amerika Serikat menjatuhkan sanksi kepada pejabat Myanmar", "Singapura mengekstradisi
# buronan ...").
_VERB_PARTS = {
    "sanction": ("agent", CONTEST_TYPES, "culprit", ROLE_TYPES, True),
    "sanction_with_culprit": ("agent", ROLE_TYPES, "culprit", ROLE_TYPES, True),
    "sanction_with_wrongdoing": ("agent", ROLE_TYPES, "culprit", ROLE_TYPES, True),
    "sanction_of_persons": ("agent", ROLE_TYPES, "culprit", _PERSONS, True),
    "sanctioned": ("culprit", ROLE_TYPES, "agent", ROLE_TYPES, False),
    "sanctioned_with_culprit": ("culprit", ROLE_TYPES, "agent", ROLE_TYPES, False),
    "sanctioned_persons": ("culprit", _PERSONS, "agent", ROLE_TYPES, False),
    "accused": ("culprit", ROLE_TYPES, None, ROLE_TYPES, False),
    "acquittal": ("judge", ROLE_TYPES, "winner", ROLE_TYPES, True),
    "acquitted": ("winner", ROLE_TYPES, None, ROLE_TYPES, False),
    "ruling_against": ("judge", ROLE_TYPES, "loser", ROLE_TYPES, True),
    "ruling_for": ("judge", ROLE_TYPES, "winner", ROLE_TYPES, True),
    "criticism": ("critic", ROLE_TYPES, "target", ROLE_TYPES, False),
    "criticised": ("target", ROLE_TYPES, "critic", ROLE_TYPES, False),
    "demand": ("requester", ROLE_TYPES, None, ROLE_TYPES, False),
    "refusal_with_peace": ("culprit", CONTEST_TYPES, None, ROLE_TYPES, False),
    "record_with_incident": ("source", ROLE_TYPES, None, ROLE_TYPES, False),
    "record": ("source", ROLE_TYPES, None, ROLE_TYPES, False),
    "aid": ("helper", ROLE_TYPES, None, ROLE_TYPES, False),
    "aid_with_disaster": ("helper", ROLE_TYPES, None, ROLE_TYPES, False),
    "win_with_goal": ("winner", CONTEST_TYPES, None, CONTEST_TYPES, False),
    "win": ("winner", CONTEST_TYPES, "loser", CONTEST_TYPES, False),
    "lose": ("loser", CONTEST_TYPES, "winner", CONTEST_TYPES, False),
    "victory": (None, CONTEST_TYPES, "winner", CONTEST_TYPES, True),
    "defeat": (None, CONTEST_TYPES, "loser", CONTEST_TYPES, True),
}
# The word past which a noun's win or defeat names the other side.
_OTHER_SIDE_WORDS = {"victory": frozenset({"atas"}), "defeat": frozenset({"dari", "atas"})}
_BEFORE_REACH = 3  # words (outside names) between an actor and the verb it acts with
_AFTER_REACH = 6  # words (outside names) from a verb to the first actor it acts on
_HEAD_REACH = 5  # words from a culprit word to the name it heads
# Kinds of word that may stand between a culprit word and the name it heads ("buronan kasus BLBI X").
_IN_HEAD_KINDS = frozenset({None, "culprit", "crime_against", "incident"})


@dataclass(frozen=True)
class RoleWords:
    """The role words: each word or two-word phrase (lower case) and its kind, and ``gate``, an
    RE2 (and Python) pattern, case-sensitive, of every word or phrase that plays a part: a batch
    reads only the sentences it finds (most hold none; see ``targets._pair_roles``)."""

    kinds: dict[str, str]
    gate: str
    firsts: frozenset[str]  # the first word of every entry: where a sentence's look-ups start


@lru_cache(maxsize=4)
def load_role_words(path: str | None = None) -> RoleWords:
    """The role words of ``data/roles.toml`` (or of ``path``): every list's words by kind."""
    with open(path or ROLE_FILE, "rb") as handle:
        lists = tomllib.load(handle)
    kinds = {word.replace("_", " "): kind for kind, words in lists.items() for word in words.split()}

    def either(words) -> str:  # longest first, a phrase's words apart by any spaces (and a filler)
        words = sorted(words, key=lambda word: (-len(word), word))
        between = r"\s+(?:(?:" + "|".join(sorted(_PHRASE_FILLERS)) + r")\s+)?"
        return "(?i:" + "|".join(re.escape(word).replace(r"\ ", between) for word in words) + ")"

    # Only words that play a part open the gate; a phrase opens it whole ("memberikan bantuan"). A
    # source word ("data", "laporan": common words) opens it only before a capital, past an outlet word.
    playing = [word for word, kind in kinds.items() if kind not in NON_PLAYING_KINDS and kind != "source"]
    sources = [word for word, kind in kinds.items() if kind == "source"]
    outlets = [word for word, kind in kinds.items() if kind == "source_outlet"]
    gate = rf"\b{either(playing)}\b|\b{either(sources)}\s+(?:{either(outlets)}\s+)?[A-Z]"
    return RoleWords(kinds, gate, frozenset(word.split()[0] for word in kinds))


def role_scores(roles: np.ndarray, scores: np.ndarray, band: float) -> np.ndarray:
    """Sentence scores as they read for actors in ``roles`` (codes into ``ROLES``, -1 for none;
    ``band``: the neutral band). A culprit, a loser, an afflicted place or a target reads at least
    as bad as the band, a winner or a helper at least as good; an agent, a visitor or a critic
    takes none of the sentence's badness, a witness, a source, a judge or a requester none of its tone.
    """
    roles = np.asarray(roles)
    scores = np.asarray(scores, dtype=float)
    strong = np.maximum(np.abs(scores), band)
    code = {role: ROLES.index(role) for role in ROLES}
    return np.select([(roles == code["culprit"]) | (roles == code["loser"]) | (roles == code["target"])
                      | (roles == code["afflicted"]),
                      (roles == code["winner"]) | (roles == code["helper"]),
                      (roles == code["agent"]) | (roles == code["visitor"]) | (roles == code["critic"]),
                      (roles == code["witness"]) | (roles == code["source"]) | (roles == code["requester"])
                      | (roles == code["judge"])],
                     [-strong, strong, np.maximum(scores, 0.0), 0.0], default=scores)


def sentence_roles(text: str, mentions: Sequence[tuple[int, int, Hashable, str]], *,
                   words: RoleWords | None = None) -> dict[Hashable, str]:
    """Each actor of one sentence that plays a role in it, and the role (see the module docstring).

    ``mentions``: ``(start, end, actor, type)`` with offsets into ``text``.
    """
    if not mentions:
        return {}
    return _Sentence(text, mentions, words or load_role_words()).roles()


class _Sentence:
    """One sentence's words, clauses and actors, and the rules that read roles off them."""

    def __init__(self, text: str, mentions: Sequence[tuple[int, int, Hashable, str]], words: RoleWords) -> None:
        self.text = text
        self.words = words
        lower = text.lower()
        if len(lower) != len(text):  # a letter whose lower case is longer ("İ"): offsets would drift
            lower = "".join(char.lower()[0] for char in text)
        # (CLAUSE_BREAK leaves a number's comma or point: "1,8 miliar", "2.000 situs".)
        breaks = [m.start() for m in CLAUSE_BREAK.finditer(text)]
        # Words are read only from the clause before the first clause with a role word (where a
        # name stands that a culprit word after a comma describes) to the clause after the last
        # one (where a name stands that a culprit word before a comma heads): a rule reaches no
        # further, and reading words costs a sentence the most.
        clause_starts, clause_ends = [0, *[at + 1 for at in breaks]], [*breaks, len(text)]
        firsts = words.firsts
        hits = [k for k, (start, end) in enumerate(zip(clause_starts, clause_ends))
                if not firsts.isdisjoint(lower[start:end].split())]
        begin, end = ((clause_starts[max(hits[0] - 1, 0)], clause_ends[min(hits[-1] + 1, len(clause_ends) - 1)])
                      if hits else (0, 0))
        spans = [m.span() for m in WORD.finditer(lower, begin, end)]
        self.starts = [start for start, _ in spans]
        self.ends = [end for _, end in spans]
        self.lower = WORD.findall(lower, begin, end)  # the same matches, as strings in one C call
        self.clause = [bisect_right(breaks, start) for start in self.starts] if breaks else [0] * len(spans)
        # Each mention as (first word, last word, actor, type); a word inside a name is no role word.
        self.mentions = []
        self.in_name: dict[int, int] = {}
        for start, end, actor, kind in sorted(mentions, key=lambda m: (m[0], m[1])):
            first = bisect_right(self.ends, start)  # the first word ending after the name starts
            last = bisect_right(self.starts, end - 1) - 1  # the last word starting inside it
            if first <= last:
                index = len(self.mentions)
                self.mentions.append((first, last, actor, kind))
                for word in range(first, last + 1):
                    self.in_name.setdefault(word, index)
        self.places = any(mention[3] == "LOC" for mention in self.mentions)

    def roles(self) -> dict[Hashable, str]:
        found: dict[Hashable, str] = {}

        def give(mention: tuple | None, role: str) -> None:
            if mention is None:
                return
            held = found.get(mention[2])
            if held is None or ROLES.index(role) < ROLES.index(held):
                found[mention[2]] = role

        acquitted_until = -1  # the last word of an acquittal: a culprit word right after it is its object
        for first, last, kind in self._role_words():
            # "menetapkan" sanctions only with a culprit word after it, a visit comforts only victims.
            if "_with_" in kind and not self._need_met(last, kind):
                # "menemukan" finds victims (help) or, failing those, wrongs (a record).
                otherwise = _OTHERWISE.get(kind)
                if otherwise is None or not self._need_met(last, otherwise):
                    continue
                kind = otherwise
            if kind == "sanction" and self._lays_off(last):
                continue
            if kind == "acquittal":
                if self._kind_after(last, "victim"):
                    kind = "aid"  # "TNI membebaskan sandera": a rescue
                elif self._kind_after(last, "culprit") or self._after(last, _VERB_PARTS[kind][3], every=False):
                    acquitted_until = last
                else:
                    continue  # "membebaskan pajak bumi dan bangunan": a waiver frees no one
            parts = _VERB_PARTS.get(kind)
            if parts is not None:
                before, before_types, after, after_types, every = parts
                if before is not None:
                    for mention in self._before(first, before_types):
                        give(mention, before)
                if after is not None:
                    against = None
                    if kind.startswith("ruling"):
                        # "kasasi jaksa": the prosecution's claim, brought against every party after it.
                        against = last if self._kind_next(last, "prosecution") else self._word_after(last, _AGAINST)
                    elif kind in _OTHER_SIDE_WORDS:
                        against = self._word_after(last, _OTHER_SIDE_WORDS[kind])
                    for mention in self._after(last, after_types, every=every):
                        give(mention, _OTHER_SIDE[after] if against is not None and mention[0] > against else after)
                if kind == "win_with_goal":
                    give(self._goal_of(last), "loser")
                elif before == "agent" and self.places and (
                        self.lower[first] not in _SECURING or self._kind_after(last, "culprit")):
                    give(self._scene_of(last), "afflicted")  # not "Polisi mengamankan laga Persija di GBK"
            elif kind == "visit":
                # A visit to victims helps; a visit to a disaster's site takes none of its badness.
                role = ("helper" if self._kind_after(last, "victim")
                        else "visitor" if self._kind_after(last, "disaster") else None)
                if role is not None:
                    for mention in self._before(first):
                        give(mention, role)
            elif kind == "culprit":
                between = range(acquitted_until + 1, first)
                if acquitted_until >= 0 and len(between) <= 1 and all(self.lower[word] in _TO for word in between):
                    continue  # "membebaskan terdakwa Rahmat": the accused is freed, the acquittal's winner
                # "penetapan tersangka X tidak sah": a voided charge is its suspect's win.
                role = "winner" if self._kind_after(last, "void") else "culprit"
                give(self._headed(first, last), role)
                give(self._apposed(first), role)
                give(self._before_sebagai(first), role)
            elif kind == "witness":
                give(self._before_sebagai(first), "witness")
            elif kind == "source":
                for mention in self._cited(last):
                    give(mention, "source")
        if self.places:
            for word in self._afflicting_words():
                give(self._place_after(word), "afflicted")
        return found

    def _afflicting_words(self) -> list[int]:
        """The last word of each disaster or victim word outside names ("banjir", "korban", "puting beliung")."""
        kinds, lower, n = self.words.kinds, self.lower, len(self.lower)
        found = []
        for index, word in enumerate(lower):
            if index in self.in_name:
                continue
            if kinds.get(word) in _AFFLICTING:
                found.append(index)
            elif index + 1 < n and kinds.get(word + " " + lower[index + 1]) in _AFFLICTING:
                found.append(index + 1)
        return found

    def _place_after(self, last: int) -> tuple | None:
        """The place named right after word ``last`` in its clause, past place words and nouns
        only ("banjir di Pekalongan", "lokasi gempa di Cianjur", "korban gempa Cianjur"), or None;
        not after a drill or a denial ("simulasi tsunami di Padang", "tidak ada korban di ...")."""
        if any(self.lower[word] in _NO_AFFLICTION for word in range(max(0, last - 4), last)):
            return None
        word, n = last + 1, len(self.lower)
        while word < n and self.clause[word] == self.clause[last]:
            if word in self.in_name:
                mention = self.mentions[self.in_name[word]]
                return mention if mention[3] == "LOC" else None
            if self.lower[word] not in _PLACE_WORDS and self.lower[word] not in _PLACE_NOUNS:
                return None
            word += 1
        return None

    def _scene_of(self, last: int) -> tuple | None:
        """The place a sanction verb at word ``last`` acted in: the first place after "di" (past
        place nouns) in its clause ("Bareskrim menangkap pemilik situs judi online di Batam"). A
        bust is good news for the police, not for the place where the crime was."""
        word = self._word_after(last, _AT)
        return self._place_after(word) if word is not None else None

    def _role_words(self) -> list[tuple[int, int, str]]:
        """(first word, last word, kind) of each role word or phrase outside names, in order."""
        found = []
        kinds, firsts, lower, n = self.words.kinds, self.words.firsts, self.lower, len(self.lower)
        taken = -1  # the last word of the phrase found last
        for index in [index for index, word in enumerate(lower) if word in firsts]:
            if index <= taken or index in self.in_name:
                continue
            last = index
            if index + 1 < n and self.clause[index + 1] == self.clause[index]:
                second = index + 1
                kind = kinds.get(lower[index] + " " + lower[second])
                if (kind is None and lower[second] in _PHRASE_FILLERS and second + 1 < n
                        and self.clause[second + 1] == self.clause[index]):
                    second += 1  # "mengabulkan sebagian gugatan"
                    kind = kinds.get(lower[index] + " " + lower[second])
                if kind is not None:
                    taken = last = second
                    if kind in NON_PLAYING_KINDS:
                        continue
            if last == index:
                kind = kinds.get(lower[index])
                if kind is None or kind in NON_PLAYING_KINDS:
                    continue
            if kind in _ACQUITTAL_OF and last + 1 < n and lower[last + 1] == "bebas":
                kind = _ACQUITTAL_OF[kind]  # "menjatuhkan vonis bebas kepada X": no sentence
                taken = last = last + 1
            found.append((index, last, kind))
        return found

    def _lays_off(self, last: int) -> bool:
        """Whether staff stand right after word ``last`` (past a count of them) and nothing after
        them in the clause says they broke a rule: a layoff, not a sanction."""
        lower, clause, n = self.lower, self.clause[last], len(self.lower)
        word = last + 1
        while word < n and clause == self.clause[word] and (lower[word][:1].isdigit() or lower[word] in _COUNT_WORDS):
            word += 1
        if word >= n or clause != self.clause[word] or word in self.in_name:
            return False
        staff = lower[word].removesuffix("nya")
        return (self.words.kinds.get(staff) == "workforce"
                and not self._kind_after(word, "culprit", "wrongdoing", "accused")
                and self._word_after(word, _BROKE_A_RULE) is None)

    def _need_met(self, last: int, kind: str) -> bool:
        """Whether what a verb of ``kind`` "<kind>_with_<need>" at word ``last`` needs follows it in its clause."""
        need = kind.rpartition("_with_")[2]
        return self._kind_after(last, *_NEEDS.get(need, (need,)))

    def _kind_after(self, last: int, *wanted: str) -> bool:
        """Whether a word or two-word phrase of a ``wanted`` kind follows word ``last`` in its
        clause, outside names."""
        kinds, lower, clause = self.words.kinds, self.lower, self.clause[last]
        for word in range(last + 1, len(lower)):
            if self.clause[word] != clause:
                break
            if word in self.in_name:
                continue
            if kinds.get(lower[word]) in wanted or (
                    word + 1 < len(lower) and kinds.get(lower[word] + " " + lower[word + 1]) in wanted):
                return True
        return False

    def _kind_next(self, last: int, wanted: str) -> bool:
        """Whether the word right after word ``last``, in its clause and outside names, is of kind ``wanted``."""
        word = last + 1
        return (word < len(self.lower) and self.clause[word] == self.clause[last] and word not in self.in_name
                and self.words.kinds.get(self.lower[word]) == wanted)

    def _word_after(self, last: int, words: frozenset[str]) -> int | None:
        """The first of ``words`` after word ``last`` in its clause, outside names, or None."""
        for word in range(last + 1, len(self.lower)):
            if self.clause[word] != self.clause[last]:
                break
            if self.lower[word] in words and word not in self.in_name:
                return word
        return None

    def _goal_of(self, last: int) -> tuple | None:
        """The side named right after "gawang" past a scoring verb in its clause ("mencetak dua
        gol ke gawang Persija"): its goal was scored in."""
        word = self._word_after(last, _GOAL_MOUTH)
        if word is None or word + 1 not in self.in_name:
            return None
        mention = self.mentions[self.in_name[word + 1]]
        return mention if mention[3] in CONTEST_TYPES else None

    def _before(self, first: int, types: frozenset[str] = ROLE_TYPES) -> list[tuple]:
        """The actors named just before word ``first`` in its clause: back over names and at most
        ``_BEFORE_REACH`` other words, stopping at a stop word or an active verb ("me-")."""
        found, budget, word = [], _BEFORE_REACH, first - 1
        if word >= 0 and self.lower[word] in _JOINED_PREDICATE:
            return found  # "kalah dari Jepang dan tersingkir": the verb's subject is the clause's, not Jepang
        while word >= 0 and self.clause[word] == self.clause[first]:
            if word in self.in_name:
                mention = self.mentions[self.in_name[word]]
                if mention[3] in types and not self._after_place_word(mention):
                    found.append(mention)
                word = mention[0] - 1
                continue
            if self.lower[word] in _STOP or self.lower[word].startswith("me") or budget == 0:
                break
            budget -= 1
            word -= 1
        if not found and word == first - 1 >= 0 and word in self.in_name:
            # The verb opens its clause and the clause before is one name between commas:
            # "Pemain Persib, David da Silva, mencetak dua gol".
            mention = self.mentions[self.in_name[word]]
            opens = mention[0] == 0 or self.clause[mention[0] - 1] != self.clause[word]
            commas = self.text[self.ends[word]:self.starts[first]].strip() == "," and (
                mention[0] == 0 or self.text[self.ends[mention[0] - 1]:self.starts[mention[0]]].strip() == ",")
            if opens and commas and mention[3] in types and self.clause[word] != self.clause[first]:
                found.append(mention)
        return found

    def _after(self, last: int, types: frozenset[str], *, every: bool) -> list[tuple]:
        """The actors named after word ``last`` in its clause: the first within ``_AFTER_REACH``
        words, or (``every``) each one up to a stop word; a name right after a place word is skipped."""
        found, budget, word, n = [], _AFTER_REACH, last + 1, len(self.lower)
        place_end = -1  # where the last name after a place word ended: "ke MK dan DKPP" are both places
        while word < n and self.clause[word] == self.clause[last]:
            if word in self.in_name:
                mention = self.mentions[self.in_name[word]]
                if self._after_place_word(mention) or (place_end >= 0 and word == place_end + 2
                                                        and self.lower[place_end + 1] in _JOINING):
                    place_end = mention[1]
                elif mention[3] in types and not self._victim(mention):
                    found.append(mention)
                    if not every:
                        break
                    budget = _AFTER_REACH
                word = mention[1] + 1
                continue
            if self.lower[word] in _STOP or budget == 0:
                break
            budget -= 1
            word += 1
        return found

    def _cited(self, last: int) -> list[tuple]:
        """The bodies (organisations) a source word cites: the name right after it (past an outlet
        word: "lapor kantor berita Xinhua") and those joined to it by "dan" or "serta" ("WHO dan CDC")."""
        word, n = last + 1, len(self.lower)
        if word + 1 < n and self.words.kinds.get(self.lower[word] + " " + self.lower[word + 1]) == "source_outlet":
            word += 2
        elif word < n and self.words.kinds.get(self.lower[word]) == "source_outlet":
            word += 1
        found = []
        while word < n and word in self.in_name and self.clause[word] == self.clause[last]:
            mention = self.mentions[self.in_name[word]]
            if mention[3] != "ORG":  # "tim penelitian Jepang", "situs Sangiran": a place, not a body
                break
            found.append(mention)
            word = mention[1] + 1
            if not (word + 1 < n and self.lower[word] in ("dan", "serta") and word + 1 in self.in_name):
                break
            word += 1
        return found

    def _after_place_word(self, mention: tuple) -> bool:
        """Whether a place word stands one or two words before a name ("di Depok", "di Rutan Polda");
        "dalam perkara X" names a person party to the case, not a place."""
        word = mention[0] - 1
        for _ in range(2):
            if word < 0 or word in self.in_name or self.clause[word] != self.clause[mention[0]] \
                    or (self.lower[word] in _CASE_WORDS and mention[3] == "PER"):
                return False
            if self.lower[word] in _PLACE_WORDS:
                return True
            word -= 1
        return False

    def _victim(self, mention: tuple) -> bool:
        """Whether a name follows a crime against a person: "pembunuhan Yosua" names its victim."""
        return mention[0] > 0 and self.words.kinds.get(self.lower[mention[0] - 1]) == "crime_against"

    def _headed(self, first: int, last: int) -> tuple | None:
        """The name a culprit word heads: the first within ``_HEAD_REACH`` words in its clause,
        with no preposition between ("tersangka kasus korupsi e-KTP Setya Novanto") and not right
        after a crime against a person (its victim: "tersangka pembunuhan Brigadir Yosua"). The
        name may stand between commas after it (see :meth:`_comma_headed`)."""
        for word in range(last + 1, min(last + 1 + _HEAD_REACH, len(self.lower))):
            if self.clause[word] != self.clause[last]:
                return self._comma_headed(first, word)
            if word in self.in_name:
                mention = self.mentions[self.in_name[word]]
                return mention if mention[3] in ROLE_TYPES and not self._victim(mention) else None
            if self.lower[word] in _NOT_IN_HEAD or self.words.kinds.get(self.lower[word]) not in _IN_HEAD_KINDS:
                return None
        return None

    def _comma_headed(self, first: int, word: int) -> tuple | None:
        """The name that opens the clause at ``word`` and is closed by a comma or the sentence's
        end, where a comma parts it from the clause before, which the culprit word at ``first``
        opens ("Tersangka pembunuhan, Rudi Hartono, mengaku ...") or where it follows a verb or
        an owner's "milik" ("menyita aset milik tersangka korupsi timah, Helena Lim, di ...").
        After another noun the name is that noun's ("Kuasa hukum tersangka, Maqdir Ismail, ...")."""
        if word not in self.in_name:
            return None
        if first > 0 and self.clause[first - 1] == self.clause[first]:
            before = self.lower[first - 1]
            if before != "milik" and not reads_as_verb(before):
                return None
        mention = self.mentions[self.in_name[word]]
        if mention[0] != word or self.text[self.ends[word - 1]:self.starts[word]].strip() != ",":
            return None
        rest = self.text[self.ends[mention[1]]:].lstrip()
        return mention if mention[3] in ROLE_TYPES and (not rest or rest[0] in ",.") else None

    def _apposed(self, first: int) -> tuple | None:
        """The name a culprit word describes after a comma: "Budi Santoso, pelaku pencurian"."""
        for mention in self.mentions:
            end = self.ends[mention[1]]
            if end < self.starts[first] and mention[3] in ROLE_TYPES:
                if _APPOSITION.fullmatch(self.text, end, self.starts[first]):
                    return mention
        return None

    def _before_sebagai(self, first: int) -> tuple | None:
        """"X sebagai tersangka": the name right before "sebagai" (at most one word between: "X
        pun sebagai"), unless a passive verb stands before it: "X diperiksa penyidik Polda sebagai
        tersangka" names the sanctioned before the verb (its own rule) and the agent after it.
        "KPK menetapkan bupati itu sebagai tersangka" names no one as the suspect."""
        sebagai = first - 1
        if sebagai < 0 or self.lower[sebagai] != "sebagai":
            return None
        word = sebagai - 1
        if word >= 0 and word not in self.in_name:
            word -= 1
        if word < 0 or word not in self.in_name:
            return None
        mention = self.mentions[self.in_name[word]]
        if mention[3] not in ROLE_TYPES or self.clause[word] != self.clause[first] or \
                self.lower[sebagai - 1].startswith("me"):
            return None
        clause = self.clause[first]
        passive = any(self.words.kinds.get(self.lower[k], "").startswith("sanctioned") and k not in self.in_name
                      for k in range(mention[0]) if self.clause[k] == clause)
        return None if passive else mention


def roles_of_sentences(texts: Sequence[str], mentions: Sequence[Sequence[tuple[int, int, Any, str]]], *,
                       words: RoleWords | None = None) -> list[dict[Hashable, str]]:
    """:func:`sentence_roles` of many sentences (each with its own mentions)."""
    words = words or load_role_words()
    return [sentence_roles(text, found, words=words) for text, found in zip(texts, mentions)]
