"""Actors: persons, institutions and places in article bodies, canonical and typed, with roles and quotes.

``extract_actors(text)`` finds the mentions of one text in these passes:

1. the gazetteer (:mod:`warta.gazetteer`): known names and aliases, longest match first; a
   one-word name that is a common word is the word before its phrase (``Lima warga``: five,
   ``Baku tembak``);
2. the CRF tagger (:mod:`warta.tagger`, ``[actors] model``), which reads the gazetteer's tags as
   features; with ``model_first`` its spans may widen known names (``Liga Indonesia``) but never
   swallow a known name of another type (``Kremlin Demitry Peskov``); a known place it leaves
   untagged is dropped where it only qualifies a noun or an office (``produk China``,
   ``Menteri Israel``), kept after a preposition or a verb (``dan Iran``);
3. rules on Indonesian cues: a known surname after an unknown given name (``Demitry Peskov``)
   but not across a dash, which pairs two people (``Prabowo-Hatta``, ``Jokowi-Kalla``),
   organisation heads (``Kementerian``, ``Universitas``, ``PT`` …), titles and roles before a name
   (``Presiden``, ``juru bicara Kremlin`` …), relations (``rekannya dari Korea Selatan``) and speech
   verbs around it (``kata`` / ``mengatakan`` …); after the tagger only the surest of them run,
   and in the sentences it has read only relations and ranks (``Mayjen Mohamad Hasan``); a
   commander's unit (``Pangdam Jaya``) and a district office's area (``Camat Cibinong``) are
   parted from the holder; places listed after a village or district word are places
   (``Kecamatan Porong, Tanggulangin dan Jabon``), and so are place heads' runs the tagger left
   untagged (``Sungai Brantas``); without the tagger, a place noun's runs (``Stasiun Gambir``),
   names listed with a person, two or three capitalised words that are no dictionary word but
   for given names (``Andhi Nirwanto``, ``Rahmat Gobel``: a person without a cue; not a quoted
   title, ``"Speak Now"``), and a known name with its bracketed short form
   (``Mahkamah Konstitusi (MK)``, one mention) are read too; a portfolio or body alone is no
   person (``Direktur Pemasaran``, ``anggota Dewan``); a word of a full name, alone later and
   without a cue, is that person (``Musliar Kasim`` … ``Musliar juga ...``); a Title Case
   headline's capitals make no name: its dictionary words end a body's or a place's name
   (``Sekolah Rakyat Dibuka``), follow no office or known name as one (``Gubernur Terima
   Audiensi``, ``Jokowi Terima Kunjungan``) and are trimmed off the tagger's spans
   (``Marc Marquez Terjatuh``);
4. resolution within the text: short forms to the one longer name holding their words
   (``Matthew`` → Matthew Miller; ``Kim`` stays ambiguous when several Kims are present), a
   short form the text declares in brackets to its name, which is named without them
   (``Himpunan Mahasiswa Islam (HMI)`` … ``HMI``; ``PT Telkom Indonesia (Tbk)``), and
   guarded fuzzy matching to the gazetteer (``Demitry Peskov`` → Dmitry Peskov), each merge
   written to the ``resolution`` column; the role stated before a person or in an apposition;
   an office alone that one person named before holds is that person (``Kapolri Jenderal Listyo
   Sigit Prabowo`` … ``kata Kapolri``; ``Menkeu`` for ``Menteri Keuangan``), so quotes and
   sentences that name only the office count for them (``office:`` in ``resolution``; no name,
   so the NER scores leave these out); where no one named holds it, whoever held it on the
   article's day (``data/gazetteer/office_holders.tsv``, ``method`` ``holders``).

English copy (an article the loader reads as English, ``lang``; ``[actors] untagged_languages``)
is read without the tagger, which learnt Indonesian news and runs its spans across English clauses;
the gazetteer knows the English names of Indonesian bodies and places (``Health Ministry``,
``East Java``, ``Bogor Regency administration``, ``Mount Marapi``), the rules English offices
(``spokesman Abdul Muhari``), unknown rivers and mountains (``Cisadane River`` is ``Sungai
Cisadane``) and the possessive (``Indonesia's``), and the quotes English attribution (``"...," he
said``, ``"...," Suhartoyo told reporters``, ``X said that ...``, ``According to X``).

News agencies and outlets are recognised but dropped where they are credited as a source
(``dikutip BBC``, ``(KCNA via Reuters)``, datelines) or name the article's own outlet.
``extract_mentions`` and ``extract_quotes`` build the mentions and quotes tables. A headline
that quotes someone (``Kapolri: Anggota yang Terlibat Akan Dipecat``, ``Prabowo soal Makan
Bergizi Gratis: ...``, ``"Kami Siap Tempur", Kata Shin Tae-yong``) is a quote of kind
``headline`` in sentence ``TITLE_SENTENCE_ID`` (-1), credited to the actor its body names that
way (a name, a short form, an office's one holder) or to a known name; a rubric (``Video:``,
``Update Gempa Cianjur:``) names no one and gives no quote.

Speed: ``use_model=False`` (or ``[actors] model = false``) is the fast mode, gazetteer and rules
without the tagger. Each text is tokenised once (split on a copy with the usual curly quotes,
long dashes and no-break spaces swapped for ASCII marks, so most news splits as 1-byte text,
see :func:`warta.gazetteer.tokenize`); the hottest loops and the candidate records are compiled
(:mod:`warta._tokens`, with Python stand-ins), the passes filter tokens with C-level
``map``/``compress`` before any Python work, mentions are plain tuples until the table is built
column by column, and sentence ids come from one search over the whole batch
(``benchmarks/bench_actors.py``).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import compress, repeat
import operator
from operator import attrgetter, itemgetter
from typing import Callable, Iterable, Mapping, NamedTuple, Sequence

import numpy as np
import pandas as pd
import pyarrow as pa

from warta import config
from warta.gazetteer import Entry, Tokens, actor_id, alias_key, fold, load_gazetteer, tokenize
from warta.language import detect_language
from warta.runtime import text_column
# The dictionary tests only: the tagger itself is loaded where it runs (_model_pass), through its
# module, so that a test can stand in for it.
from warta.tagger import is_common_word, is_root_word
from warta.text import (MEMBERS_BEFORE, NOT_SPEAKER_AFTER, TITLE_SENTENCE_ID, VERB_PREFIXES, ends_with_abbreviation,
                        reads_as_verb, sentence_spans, trie_pattern, word_before_in)

try:  # the compiled run scan and candidates (see setup.py); the Python versions below do the same
    from warta._tokens import Candidate as _CompiledCandidate, capitalised_runs as _compiled_runs
    from warta._tokens import capitalised_heads as _compiled_heads, seed_candidates as _compiled_seed
    from warta._tokens import lower_case_heads as _compiled_lower_heads
    from warta._tokens import person_name_keys as _compiled_name_keys, whole_words as _compiled_whole_words
except ImportError:  # pragma: no cover - depends on the build machine
    _CompiledCandidate = _compiled_heads = _compiled_runs = _compiled_seed = _compiled_whole_words = None
    _compiled_lower_heads = None
    _compiled_name_keys = None

MENTION_COLUMNS = ["article_id", "sentence_id", "start", "end", "surface", "actor_id", "name", "type",
                   "subtype", "role", "confidence", "method", "resolution"]
QUOTE_COLUMNS = ["article_id", "sentence_id", "speaker_id", "speaker", "role", "text", "kind", "cue"]
HEADLINE_COLUMNS = ["article_id", "start", "end", "surface", "actor_id", "name", "type", "subtype", "resolution"]
# Explicit dtypes, so that an empty table (or a Dask partition without mentions) matches a full one.
MENTION_DTYPES = {c: "str" for c in MENTION_COLUMNS} | {"sentence_id": "int64", "start": "int64", "end": "int64",
                                                       "confidence": "float64"}
QUOTE_DTYPES = {c: "str" for c in QUOTE_COLUMNS} | {"sentence_id": "int64"}

# Words that open an organisation's name.
ORG_HEADS = frozenset("""
kementerian kemenko badan universitas univ institut partai pt cv dewan departemen komisi lembaga
bank pusat yayasan majelis mahkamah pengadilan kantor dinas kejaksaan kejari kejati polres polda
polsek polresta kodam korem kodim sekolah sma smp smk rumah rsud rs koperasi asosiasi perhimpunan
ikatan persatuan gerakan front serikat komite kedutaan konsulat federasi liga klub grup korps
himpunan koalisi direktorat inspektorat biro forum aliansi organisasi sekretariat fakultas perusahaan
perum
otoritas angkatan kepolisian pemkab pemkot pemprov dprd kpud bawaslu
""".split())
# Words that open a place's name (a feature of the tagger).
PLACE_HEADS = frozenset("desa kelurahan kecamatan kampung dusun jalan jl jln gunung sungai danau pulau selat teluk pantai provinsi kabupaten kota".split())
# Nouns that belong to a place's name when the tagger includes them ("desa Kramas", "Gedung DPR").
PLACE_NOUNS = PLACE_HEADS | frozenset("""
gedung komplek kompleks hotel tugu masjid gereja pura candi pasar bandara bandar pelabuhan stasiun
terminal istana taman lapangan stadion kampus penjara lapas rutan distrik waduk bendungan gerbang menara
sirkuit arena tpa
""".split())
# Cliffs, waterfalls, craters, lakes, caves, stadiums and flats ("Tebing Breksi", "Curug Cilember",
# "Coban Rondo", "Stadion Manahan", "Rusun Marunda"): heads of places the tagger was trained
# without, or leaves untagged (PLACE_HEADS is one of its features), read after it too.
_LATER_PLACE_HEADS = frozenset("tebing curug coban kawah telaga gua goa stadion rusun rusunawa rutan lapas".split())
PLACE_NOUNS |= _LATER_PLACE_HEADS
# Streets, airports and stadiums: named after people with their titles and ranks ("Jalan Jenderal
# Sudirman", "Jl. KH Hasyim Asyari", "Bandara Sultan Hasanuddin", "Stadion Kapten I Wayan Dipta"),
# streets also after "jalan" in lower case ("di jalan Dewi Sartika"): the name is the place's.
_NAMED_AFTER_PEOPLE_HEADS = frozenset("jalan jl jln bandara stadion".split())
# "Gelora" (gelanggang olahraga) opens a stadium's name, and the word after it is the name's even
# where it is a place's ("Stadion Gelora Bandung Lautan Api"); it is also a party's short name.
_GROUND_WORD = "gelora"
# Venues named after a sponsor, whose known name may follow the head ("Sirkuit Pertamina Mandalika").
_SPONSORED_HEADS = frozenset("sirkuit stadion arena".split())
# Heads of places that take another place's name and are not it ("Kelurahan Menteng" is a ward of
# the Menteng district, "Kecamatan Depok" a district of Sleman, not the city of Depok, "Stasiun
# Bandung" a station, "Selat Makassar" and "Danau Toba" waters); the others are the place they name
# ("Kabupaten Bandung", "Pulau Lombok").
_NAMING_PLACE_HEADS = (frozenset("desa kelurahan kecamatan distrik kampung dusun selat teluk danau".split())
                       | _NAMED_AFTER_PEOPLE_HEADS
                       | (PLACE_NOUNS - PLACE_HEADS))
# Buildings named after the body they house: "Gedung DPR", "Kompleks Istana Kepresidenan".
_VENUE_HEADS = frozenset("gedung kompleks komplek rutan".split())
# Organisation heads whose names hold a number: "SMA Negeri 2 Surabaya" is one school of many;
# after "Negeri" any school's does ("Sekolah Menengah Atas Negeri 48 Jakarta").
_NUMBERED_HEADS = frozenset("sma smp smk sd sdn smpn sman smkn mts".split())
# Words that open an unknown place's name in the fast profile (a place noun that is an
# organisation's head, "Rumah Sakit", opens an organisation).
_PLACE_OPENERS = PLACE_NOUNS - ORG_HEADS
# Newspapers and magazines are named after their kind ("Harian Merdeka", "Majalah Tempo"); kept out
# of ORG_HEADS, a feature of the tagger trained without them.
_MEDIA_HEADS = frozenset("harian koran majalah tabloid".split())
# Rural banks ("BPR Wijaya Kusuma"), task forces ("Satgas Pangan"), Islamic boarding schools
# ("Pondok Pesantren Lirboyo", "Ponpes Gontor") and power plants ("PLTU Suralaya", "PLTA
# Saguling"), regional firms ("Perumda Air Minum Tirtanadi", "PDAM Tirta Kahuripan") and health
# centres and clinics named after their place ("Puskesmas Cilandak", "Klinik Pratama Sehat"): heads the
# tagger was trained without, kept out of ORG_HEADS as the media heads are.
# A regional office is read after the tagger too: it tags "Dinas Kesehatan Kota Bandung" as its place.
_LATER_ORG_HEADS = frozenset("bpr bprs satgas pesantren ponpes pltu plta pltd pltgu pltp plts pltsa pltb dinas "
                             "perumda perumdam pdam puskesmas klinik balai rsud rsup angkatan".split())
_ORG_RULE_HEADS = ORG_HEADS | _MEDIA_HEADS | _NUMBERED_HEADS | _LATER_ORG_HEADS
# Heads of two words, and the type of the name they open ("Rumah Susun Marunda" is a place,
# "Rumah Sakit Sardjito" a body): the fast profile's, and the full one's where the tagger took the
# second word for a given name ("Pasien Rumah Sakit Sardjito" tagged "Sakit Sardjito").
_TWO_WORD_HEADS = {("rumah", "sakit"): "ORG", ("rumah", "susun"): "LOC", ("rumah", "tahanan"): "LOC",
                   ("suku", "dinas"): "ORG",  # a city's department in Jakarta ("Suku Dinas Sumber Daya Air")
                   # A hall is a place ("Balai Kota", "Balai Desa"); other "Balai" a technical office.
                   ("balai", "kota"): "LOC", ("balai", "desa"): "LOC", ("balai", "sidang"): "LOC",
                   ("balai", "warga"): "LOC", ("balai", "pertemuan"): "LOC",
                   ("pondok", "pesantren"): "ORG"}
_HEADS = _ORG_RULE_HEADS | _PLACE_OPENERS
_TAGGED_RULE_HEADS = PLACE_HEADS | _LATER_PLACE_HEADS | _LATER_ORG_HEADS  # heads read after the tagger too
# After "dan", a head opens a second body ("PLTA Saguling dan PLTU Cirebon"), except the heads
# that are common words inside names ("Partai Keadilan dan Persatuan Indonesia").
_SECOND_BODY_HEADS = _ORG_RULE_HEADS - frozenset(
    "persatuan gerakan pusat front serikat koperasi ikatan perhimpunan".split())
# Head words of places whose lists name more of the same kind ("Kecamatan Porong dan Tanggulangin").
_LISTED_PLACE_HEADS = frozenset("desa kelurahan kecamatan kampung dusun".split())
# Each head word without its first letter, which may be capitalised: found in a text, one may be there.
_LISTED_PLACE_HINTS = tuple(sorted(head[1:] for head in _LISTED_PLACE_HEADS))
_LIST_JOINS = frozenset("dan serta atau".split())
# Offices of a district, village or ward, named after it: "Camat Cibinong Bambang Sutrisno".
AREA_OFFICES = frozenset("camat lurah kades".split())
# Offices of a regency (kabupaten): the place named after them is the regency, not the city.
REGENT_OFFICES = frozenset("bupati wabup cabup cawabup".split())
# Words that continue a place's name ("Jakarta Selatan", "Kebayoran Baru"), never a person's.
PLACE_QUALIFIERS = frozenset("""
utara selatan barat timur tengah tenggara daya laut raya jaya baru lama pusat besar kecil hulu hilir
atas bawah kota kabupaten provinsi city
""".split())
# Titles of nobility that the tagger keeps in a person's name ("Pangeran Singa Brata").
NOBLE_TITLES = frozenset("pangeran sultan raja ratu kaisar".split())
# Words that state an office or a function; a name right after them is a person. The tagger
# reads these as a feature (tagger._cue_class): words added after its last rebuild go to
# ROLE_HEADS below, not here, so that the model reads what it learned from.
TAGGER_ROLE_HEADS = frozenset("""
presiden wakil wapres perdana menteri menlu wamenlu menhan mendagri menkeu sekretaris sekjen juru
jubir kepala ketua ketum gubernur wagub bupati wabup wali walikota direktur dirut komisaris kapolri
wakapolri kapolda kapolres kapolsek panglima duta dubes koordinator penasihat pemimpin raja ratu
pangeran kanselir senator anggota pengamat analis peneliti profesor guru rektor dekan ceo pendiri
pejabat kaisar paus sultan asisten deputi staf hakim jaksa dirjen pakar ekonom dosen diplomat utusan
mantan komandan jenderal letjen mayjen brigjen laksamana marsekal kolonel kombes irjen komjen akbp
perwira politikus politisi aktivis pengacara kuasa legislator kabareskrim kapuspen kadiv danjen
menko wamen mensesneg menag menkes mensos mendag menperin mentan menhub menpora menaker menkumham
mendikbud kasad kasal kasau
menparekraf menpanrb menkominfo menkomdigi menlhk menesdm menpupr menbumn mendes menkop menpppa
menkopolhukam menkomarves menkoperekonomian menkopmk mendikdasmen mendiktisaintek menbud
wamenkeu wamendagri wamenhan wamenkes wamendag wamenag wamenkominfo wamenbumn wamenaker
kajati kajari kadis kabid kabag kasubag kabiro kanwil kasat kasatreskrim kasatlantas kasatnarkoba
kalapas karutan wakapolda wakapolres wakapolsek kakorlantas kabaharkam kapolrestabes kapolresta
danramil dandim danrem danyon danlanud danlantamal pangdam pangkostrad pangkoarmada pangkogabwilhan
capres cawapres bacapres bacawapres caleg cagub cawagub cabup cawabup cawalkot walkot sekda plt pj plh
camat lurah kades wawali
""".split())
# The offices of English copy, which the rules read alone (see [actors] untagged_languages): a
# name after one is a person ("spokesman Abdul Muhari"), and "the minister said" refers back.
_ENGLISH_OFFICES = frozenset("""
president minister governor regent mayor spokesman spokeswoman spokesperson chairman chairwoman chairperson
justice coach striker defender midfielder goalkeeper ambassador envoy commander lawmaker judge
prosecutor chancellor premier deputy chief head director representative
""".split())
# The rules' office words besides the tagger's (whose features stay as trained): company offices
# written short or in English ("Presdir Astra", "VP Corporate Communication Pertamina", "Corporate
# Secretary Bank Mandiri"), a team's coach and manager ("memecat pelatih Carlos Pena"), and the
# offices of English copy.
ROLE_HEADS = TAGGER_ROLE_HEADS | _ENGLISH_OFFICES | frozenset("""
vp svp evp presdir presdirut komut founder cofounder ceo cfo coo cto cmo gm
corporate corsec pelatih manajer vice sekda officer
dirreskrimum dirreskrimsus dirresnarkoba dirlantas dirpolairud dirintelkam dirbinmas dirsamapta
wadirreskrimum wadirreskrimsus wadirresnarkoba kanit kabidhumas kasubdit kasubbag kasubbid
""".split())
# Commanders of a named unit: the capitalised words right after one name the unit ("Kapolda Metro
# Jaya", "Pangdam Iskandar Muda"), and the holder follows a rank ("Pangdam Jaya Mayjen Mohamad Hasan").
# Units known by a number (Korem 061, Kodim 0621, Koramil) are not here: a name after "Danramil" is
# the holder's.
UNIT_OFFICES = frozenset("""
kapolda wakapolda kapolres wakapolres kapolsek wakapolsek kapolresta kapolrestabes pangdam wapangdam
kasdam danlanud
""".split())
# Units' areas that are no place of the gazetteer: the police region of Jakarta and the army's
# regional commands, named after heroes and kingdoms. After a unit office they end the unit's name,
# so a holder may follow without a rank ("Kapolda Metro Jaya Karyoto", "Pangdam Jaya Mohamad Hasan").
UNIT_AREAS = frozenset(tuple(area.split()) for area in """
metro jaya|jaya|jayakarta|iskandar muda|bukit barisan|sriwijaya|siliwangi|diponegoro|brawijaya|udayana
mulawarman|tanjungpura|hasanuddin|merdeka|pattimura|cenderawasih|kasuari
""".replace("\n", "|").strip("|").split("|"))
_LONGEST_UNIT_AREA = max(map(len, UNIT_AREAS))
# Police and military ranks (and army corps: "Letkol Inf") beyond those in ROLE_HEADS: stripped
# off a name and read as the start of a holder's part (see _split_office_place), but no feature
# of the tagger.
RANKS = frozenset("""
akp iptu ipda aiptu aipda bripka brigpol briptu bripda bharada bharatu bharaka kompol letkol mayor
kapten lettu letda serma serka sertu serda pelda peltu kopka koptu kopda praka pratu prada
laksda laksma laksdya marsda marsma marsdya komodor
inf kav arh czi cpm pnb pol
""".split())
# Every rank word: a capitalised run right after one is a person even where the tagger saw none
# ("Pangdam Jaya Mayjen Mohamad Hasan"); an office word alone is no such sign (see _person_rule).
# Not "Jenderal": it ends offices too ("Sekretaris Jenderal DPP", "Gubernur Jenderal Hindia").
_RANK_WORDS = RANKS | frozenset("letjen mayjen brigjen laksamana marsekal kolonel kombes irjen komjen akbp".split())
# Offices that "Jenderal" completes ("Sekretaris Jenderal", "Jaksa Agung" aside): elsewhere it is a rank.
_GENERAL_OFFICES = frozenset("sekretaris direktur gubernur inspektur auditor jaksa".split())
# Forms of address: a name follows, but they are not a role.
# Titles before a name; the tagger reads TAGGER_TITLES as a feature (see TAGGER_ROLE_HEADS), and
# the rules also the regional honorifics added since its last rebuild ("Kang Asep", "Cak Nun",
# "Mbak Rina").
TAGGER_TITLES = frozenset(
    "pak bu bapak bpk ibu dr drs ir prof kh habib ustaz ustadz kiai kyai gus tuan nyonya ny mr mrs ms sdr haji hj".split())
# Not "Bang" (Bang One, Piala Bang Yos: names of things) nor "Daeng", which stays in names (Daeng Soetigna).
# "Kardinal" too ("Uskup Agung Jakarta Kardinal Ignatius Suharyo"), not the clergy that are common
# nouns before their faith ("sejumlah pastor Katolik", "pendeta Kristen").
TITLES = TAGGER_TITLES | frozenset("kang akang mang cak mas mbak uda bli mbah teteh nyai kardinal".split())
# A holder's standing, written between an office and its area ("Bupati nonaktif Labuhanbatu").
HOLDER_STANDINGS = frozenset("nonaktif terpilih definitif".split())
# Lower-case words that may sit inside a stated role ("juru bicara", "kebijakan luar negeri").
ROLE_WORDS = frozenset("""
bicara luar negeri dalam kebijakan urusan hubungan bidang program tinggi senior khusus umum besar
utama pengawasan senjata keamanan nasional pertahanan eksekutif jenderal jendral muda madya strategis
komunikasi politik ekonomi hukum tetap dari dan
""".split()) | HOLDER_STANDINGS
# Fields of study and of policy, which a role names in lower case ("pakar hukum tata negara",
# "guru besar hukum pidana", "menteri pendidikan"): a role goes on over them.
FIELD_WORDS = frozenset("""
tata negara pidana perdata internasional lingkungan kesehatan masyarakat sosiologi sosial publik siber
militer energi pendidikan pertanian perikanan kelautan transportasi perkotaan pajak perpajakan keuangan
perbankan pasar modal pertambangan kehutanan iklim gizi epidemiologi kedokteran psikologi sejarah
agama filsafat kebudayaan olahraga otomotif teknologi informasi digital pangan properti penerbangan
maritim pemilu demokrasi antropologi ketenagakerjaan konstitusi geologi vulkanologi kebencanaan
""".split())
# Capitalised words that belong to an office ("Menteri Luar Negeri"), stripped off a name.
PORTFOLIO_WORDS = ROLE_HEADS | TITLES | ROLE_WORDS | frozenset("""
pelaksana agung negara keuangan kesehatan agama sosial perdagangan perindustrian pertanian ham pendidikan
kebudayaan riset sains teknologi koordinator perekonomian energi sumber daya mineral bumn perhubungan
pariwisata kreatif ketenagakerjaan kelautan perikanan lingkungan hidup kehutanan desa pemuda olahraga
informatika digital investasi koperasi ukm pekerjaan perumahan rakyat agraria tata ruang daerah kepresidenan
pemberdayaan perempuan perlindungan anak aparatur reformasi birokrasi pembangunan staf kabinet
utama besar pusat
reskrim satreskrim reskrimum reskrimsus ditreskrimum ditreskrimsus krimum krimsus satlantas ditlantas
intelkam binmas humas propam tipikor satnarkoba resnarkoba
dpp dpd dpw dpc eselon golongan
polhukam polkam kesra pmk marves maritim kemaritiman ekuin
pajak bea cukai imigrasi pemasyarakatan anggaran perbendaharaan migas minerba dukcapil otda gakkum
niaga operasi operasional produksi teknik sdm bisnis ritel ilmu pengetahuan perguruan region regional wilayah area
tenaga kerja pembina pengawas pengurus batalyon kompi resimen brigade divisi peleton skuadron
komisioner pansel sekertaris penerangan infrastruktur konsumen edukasi
corporate communication communications public investor relations affairs marketing finance legal secretary
manager manajer general economist officer director head analyst research chief vice executive strategist sales
""".split()) | RANKS
# Attribution before the speaker: “…,” kata X / menurut X.
CUES_BEFORE = frozenset("kata ujar ucap tutur jelas tambah ungkap imbuh papar terang lanjut tegas sebut menurut".split())
# Verbs done to persons: a name-shaped run of two to four words after one is a person even where
# the tagger left it ("Pengadilan memvonis Mario Dandy 12 tahun penjara"). Kept out of
# CUES_BEFORE, a feature of the tagger.
_PERSON_OBJECT_VERBS = frozenset("memvonis mendakwa menuntut meringkus membekuk menciduk menahan menangkap".split())
# Speech verbs after the speaker: X mengatakan …
SPEECH_VERBS = frozenset("""
mengatakan menyatakan menjelaskan mengungkapkan mengungkap menegaskan menambahkan menyebut
menyebutkan menuturkan berkata menilai mengklaim membantah mengakui menyampaikan menekankan
memaparkan menerangkan menanggapi menganggap bilang
""".split())
# Verbs of stance and request whose subject is, like a speaker's, a person or a body ("Miller
# berharap ...", "Siswono mendukung ..."): a name right before one is read as a speaker's would be.
# Not speech verbs: the tagger's features and the quotes keep to those. The second list holds
# what only a person does, lives or suffers ("Udit menikah", "Yoona membintangi ...", "Rumaropen
# ditahan"): a firm or a band can win, release or join, so those verbs are not in it.
_SUBJECT_VERBS = SPEECH_VERBS | frozenset("""
berharap mengaku meminta menolak mengingatkan mengimbau menduga memastikan mengusulkan menyarankan
menampik menepis mengkritik menceritakan mengenang mengharapkan mendesak menuding menuduh mengajak
menginginkan menyayangkan menyesalkan mengapresiasi berjanji bercerita mendukung menyambut memperingatkan
memandang
""".split()) | frozenset("""
meninggal wafat menikah menikahi bercerai melahirkan dilahirkan lahir kuliah bersekolah
membintangi memerankan berperan menyanyi menyanyikan berduet mengundurkan menjabat dilantik
menderita mengidap divonis dituntut ditahan ditangkap dipecat pensiun lulus dimakamkan
tersenyum menangis tertawa mengenakan
""".split())
# Verbs that report what someone said without saying it, besides the speech verbs: an indirect
# quote's cue ("Presiden berharap ...", "Polisi memastikan ...", "Ia mengaku ..."), and a request
# ("Puan meminta pemerintah ..."). Not "menolak": what follows it is as often a thing ("menolak RUU").
# "menulis", "mengumumkan", "mengajak" and "memandang" only before a clause (see
# _reports_a_clause): who "menulis buku", "mengumumkan investasi Rp 27 triliun", "mengajak anaknya
# ke pasar" or "memandang wajahnya" reports a thing, not words. Not "mengancam": a threat is
# coverage of whoever voices it ("Putin mengancam akan ..." is bad news about Putin), not their
# own words.
_REPORTING_VERBS = SPEECH_VERBS | frozenset("""
berharap mengharapkan mengaku mengimbau mengingatkan memastikan menduga menyayangkan menyesalkan
berpesan meminta berpendapat beranggapan meyakini menyarankan memperkirakan memprediksi menulis
membenarkan mengonfirmasi menginformasikan menjanjikan berjanji mengumumkan memerintahkan menginstruksikan
menyerukan memproyeksikan menuding menuduh mendesak menyimpulkan bercerita memperingatkan mengajak memandang
optimistis optimis pesimistis pesimis yakin
""".split())
# English copy's speech verbs (the rules read English articles, see [actors] untagged_languages):
# after the speaker ("Sri Mulyani said the deficit ...", '"...," Suhartoyo told reporters'), and
# "said" and "added" before one too ('"...," said Suhartoyo'). Kept out of SPEECH_VERBS, a
# feature of the tagger.
_ENGLISH_SPEECH_VERBS = frozenset("""
said says told added explained stated stressed asserted argued warned insisted acknowledged admitted
confirmed denied claimed noted
""".split())
_SUBJECT_VERBS |= _ENGLISH_SPEECH_VERBS
_RULE_CUES_BEFORE = CUES_BEFORE | {"said", "says", "added"}  # '"...," said Mohammad Syafii': a person
_REPORTING_VERBS |= _ENGLISH_SPEECH_VERBS  # read in English copy only, "told" only before "that" (see _quote_rows)
# A stance ("Perry Warjiyo optimistis ekonomi tumbuh", "X yakin ...") and a story ("bercerita air
# mulai naik") report words only before a clause too. They take no object, so any word opens one
# but a preposition's ("bercerita tentang masa kecilnya", "yakin akan kemampuannya").
_INTRANSITIVE_CUES = frozenset("bercerita optimistis optimis pesimistis pesimis yakin".split())
# A warning reports what follows it as a stance does, but an adverbial's opening: "memperingatkan
# cuaca ekstrem ...", "memperingatkan warga untuk ..."; not "memperingatkan dalam wawancara ...".
_WARNING_CUES = frozenset({"memperingatkan"})
_CLAUSE_CUES = frozenset({"menulis", "mengumumkan", "mengajak", "memandang"}) | _INTRANSITIVE_CUES | _WARNING_CUES
_NO_CLAUSE_AFTER_INTRANSITIVE = frozenset("""
tentang soal mengenai kepada pada dengan di ke dari untuk bagi akan atas terhadap yang dan atau sekali
""".split())
_NO_WARNING_AFTER = _NO_CLAUSE_AFTER_INTRANSITIVE | frozenset("dalam saat ketika melalui lewat usai seusai setelah".split())
_WORDS_AFTER_CUE = re.compile(r"[a-z]+")
_CLAUSE_VERB_WITHIN = 6  # words after the cue
_NOT_A_SUBJECT = frozenset("yang dan serta atau untuk dengan".split())


def _reports_a_clause(rest: str, *, intransitive: bool = False,
                      refused: frozenset[str] = _NO_CLAUSE_AFTER_INTRANSITIVE) -> bool:
    """Whether what follows a cue is a clause: "bahwa" or a comma or colon opens it, or a verb
    follows its subject within the first words ("mengumumkan sekolah diliburkan"; not
    "mengumumkan pemenang lomba yang digelar ...", "menulis lagu seperti ...", "menulis dan
    menyanyikan ..."). After an ``intransitive`` cue any word but one of ``refused`` (a
    preposition's) opens one."""
    head = rest.lstrip()
    if head[:1] in (",", ":") or head.startswith("bahwa "):
        return True
    words = _WORDS_AFTER_CUE.findall(head[:60])[:_CLAUSE_VERB_WITHIN]
    if intransitive:
        return bool(words) and head[:1].isalpha() and words[0] not in refused
    return bool(words) and words[0] not in _NOT_A_SUBJECT and any(
        reads_as_verb(word) and words[k - 1] not in _NOT_A_SUBJECT for k, word in enumerate(words) if k)


# What "meminta" asks for where it reports no words: an apology, a permission, help, a statement
# from a witness, money, lives ("meminta maaf", "meminta keterangan saksi", "meminta tebusan").
_ASKED_FOR = ("maaf izin ijin bantuan tolong pertolongan keterangan klarifikasi uang tebusan jatah imbalan suap nyawa "
              "korban waktu")
# Words that open a request's clause ("meminta agar ...", "berharap supaya ...").
_REQUEST = re.compile(r"\b(?:agar|supaya)\b")
# Relations that introduce a person: "rekannya dari Korea Selatan Kim Hong-jyun".
RELATIONS = frozenset("rekan rekannya mitra mitranya sejawat koleganya istri istrinya suami suaminya ayah ayahnya putra putranya putri putrinya".split())
PRONOUNS = frozenset("dia ia beliau he she".split())
_SOURCE_PRONOUNS = PRONOUNS | {"him", "her"}  # "according to him"
# Lower-case words inside a person's name: Arabic, Dutch, Romance and Batak particles ("al-Assad", "bin Salman",
# "van Persie", "da Silva", "Rusti br Sembiring").
NAME_PARTICLES = frozenset("al el bin binti ibn van von der den de da dos br".split())
# Occupations and standings in a case that a person's name follows in lower case ("artis Angel Lelga",
# "tersangka Harun Masiku"), but no office: not a role, and a team or firm rarely follows them
# ("pemain", "pelatih", "pembalap" are left out: "pembalap Ducati ..."). Only a name of two words or
# more: one word after them is a people or a genre as often ("pengusaha Tionghoa", "penyanyi Country").
OCCUPATIONS = frozenset("""
artis aktor aktris penyanyi pedangdut biduan komedian pelawak presenter sutradara produser penulis
novelis sastrawan penyair pelukis seniman budayawan wartawan jurnalis fotografer astronot ilmuwan
pengusaha konglomerat miliarder pebisnis selebritas selebgram youtuber rapper musisi pianis gitaris
pebulutangkis petenis pegolf petinju perenang pesilat pembalap atlet dokter
tersangka terdakwa terpidana narapidana napi buronan almarhum almarhumah mendiang
""".split())
# Words after which a place stays a place ("di China", "dan Iran"), unlike a noun it qualifies ("produk China").
LINK_WORDS = frozenset("""
di ke dari dan atau serta dengan antara oleh untuk bagi pada kepada terhadap menuju yang sejak hingga sampai
seperti termasuk yakni yaitu ialah adalah dalam atas bahwa melawan versus vs tentang mengenai ini itu juga pun
bersama tanpa selain kecuali
""".split())
# Credits: an agency or outlet right after these words is a source, not an actor.
CREDIT_CUES = frozenset("dikutip dilansir mengutip melansir kutip lansir via sumber foto photo dok laporan".split())
# Days and months: a name's run ends before them ("kata Hasyim Asyari Selasa (18/6)").
_CALENDAR_WORDS = frozenset("""
senin selasa rabu kamis jumat sabtu minggu januari februari maret april mei juni juli agustus
september oktober november desember
""".split())
# Words a name's run ends before: the calendar's, and counts that open the next sentence where a
# full stop went missing ("imbuh Sanchez Ratusan relawan ...").
_NOT_NAME_ENDINGS = _CALENDAR_WORDS | frozenset("puluhan ratusan ribuan jutaan".split())
# Words after a firm's name that say how it is held or listed ("PT Vale Indonesia Tbk", "PT
# Pertamina (Persero)"): never a person's.
FIRM_SUFFIXES = frozenset("tbk persero".split())
# Capitalised words that are never a person's name on their own.
NOT_NAMES = _NOT_NAME_ENDINGS | frozenset("""
wib wita wit tuhan allah ramadan lebaran idul idulfitri iduladha natal imlek nyepi waisak
kami kita mereka dia ia beliau saya anda ini itu namun tetapi sementara nomor no nomer pasal ayat
karena sehingga meski meskipun walaupun jika kalau bila apabila ketika sedangkan padahal bahkan adapun
kemudian maka agar supaya keluarga tapi
""".split()) | FIRM_SUFFIXES
# Capitalised words that end a place's name after its head word: offices, dates, other heads, and
# street numbers ("Jalan Veteran Nomor 5").
# A street's name goes on over offices and titles ("Jalan Jenderal Sudirman", "Jalan Sultan Agung",
# "Jalan Pemuda"): streets are named after people and ideals.
_NOT_IN_STREET_NAMES = PLACE_HEADS | NOT_NAMES | LINK_WORDS | frozenset(
    "nomor no nomer rt rw km kec kab kel".split()) | frozenset(
    # Links a Title Case headline capitalises after a place ("Terminal Pulogadung Jelang Lebaran").
    "jelang menjelang usai saat akibat karena pasca sebelum setelah selama demi soal terkait imbas".split())
# ... but "Nasional" names places too ("Taman Nasional Meru Betiri", "Monumen Nasional").
_NOT_IN_PLACE_NAMES = _NOT_IN_STREET_NAMES | (PORTFOLIO_WORDS - {"nasional"})
# ... nor is an office word, a word that continues a place's name ("Pangdam Jaya": Kodam Jaya),
# or a name's suffix, which may follow it after a comma ("Benigno Aquino, Jr.").
_NO_NAME_ALONE = PORTFOLIO_WORDS | NOT_NAMES | PLACE_QUALIFIERS | frozenset("jr sr".split())
# English words of titles and of the names of things (films, bands, awards, places, firms), and
# firms' suffixes (Tbk): a capitalised run holding one is no person's name by its shape alone
# (see _name_shaped).
_ENGLISH_TITLE_WORDS = frozenset("""
the of for and in on at to by from with a an her his our my your its their this that all just very
new best great good old young big little first last next real true free open grand royal
club river hill road street avenue house party music records journal award awards station exchange
international orchestra band line team director manager principal world city town love night day home
school college academy company group center centre hall park lake bay beach island port united
national association council committee foundation festival show league cup championship museum
library tower bridge airport market mall studio studios entertainment media news times post
press book books film movie story song songs album dance dancing break wars war game games star stars
king queen prince princess lady lord saint saints sun moon black white red blue green pink gold
golden silver dream dreams life heart fire water ghost legend mask beauty shopping express airlines
airways motor motors energy oil power bank capital holdings industries systems technologies
north south east west northern southern eastern western upper lower mount fort county state class
university institute inc corp corporation channel network television project service prize shield
contest forest springs ferry gallery abbey edge captain girls boys kids heroes face rider fever
electronic electronics tbk persero endowment peace fund trust
assembly agency commission ministry court office authority board police army navy force forces
government parliament senate congress department embassy consulate bureau regency province district
village islands palace stadium mosque church temple hospital prison
""".split())
# Given names that are also dictionary words ("Budi", "Rahmat", "Sri"): in a capitalised run they
# count as name words, not as dictionary words (see _name_shaped). Words that usually go on an
# office's or a place's name ("Agung": Jaksa Agung, "Jaya": Metro Jaya, "Indah": Pondok Indah) are
# left out, and so are titles (Raden, Teuku) that _name_shaped need not explain.
GIVEN_NAME_WORDS = frozenset("""
adi agus aji akbar ali amin amir arif ayu bambang bayu budi budiman candra catur dewi dian dwi eka
fadil fajar fatimah firman fitri galih gede gilang gunawan guntur halim hasan hatta hidayat ihsan
ilham iman intan isa jamal kamal karim kartika kasim kusuma lestari mahmud maria muhammad nur nyoman
panca purnama putra putri putu rahayu rahim rahman rahmat rasyid ratna rini saleh salim sari satria
siti sri surya syarif taufik teguh tri wahyu wijaya wulan yoga yuda
abidin adam adnan andika angel angga anggun ani anis ari arifin aziz dara didik doni fuad ganjar ida
indra kamil leo malik mark megawati paul peter rudi teten tom wahid
""".split())
# Known one-word names that are also common words, read as the word before these words: a number
# opening a sentence ("Lima warga tewas": five, not Lima in Peru), or a phrase capitalised at a
# sentence's start or in a headline ("Baku tembak", "Medan perang", "Padang rumput", "Palu hakim").
_COUNTED_NOUNS = frozenset("""
orang warga penduduk tahun hari bulan pekan minggu jam menit detik persen kali unit buah ekor rumah
desa kelurahan kecamatan kabupaten kota provinsi negara anggota siswa pelajar mahasiswa guru korban
pasien tersangka terdakwa pelaku pemain tim partai fraksi kursi kapal pesawat mobil motor kendaraan
perusahaan bank titik lokasi kasus poin gol medali besar puluh ratus ribu juta miliar triliun
""".split())
_COMMON_READINGS: dict[str, frozenset[str]] = {
    "lima": _COUNTED_NOUNS,
    "baku": frozenset("tembak hantam pukul serang bunuh lempar tikam mulut".split()),
    "medan": frozenset("perang tempur laga juang pertempuran magnet".split()),
    "padang": frozenset("rumput pasir gurun savana ilalang golf".split()),
    "palu": frozenset("hakim godam".split()),
}
_COMMON_READING_ALIASES = frozenset(key.title() for key in _COMMON_READINGS)
# Places whose one-word names are given names too: before a name-shaped word they open a person's
# name ("Marshall Allman", "Israel Katz", "Paris Hilton", "Darwin Nunez"; see _given_name_places).
_GIVEN_NAME_PLACES = frozenset("""
paris sydney adelaide santiago florence alexandria darwin jordan georgia israel chad solomon marshall sofia
danang
""".split())
_GIVEN_NAME_PLACE_ALIASES = frozenset(key.title() for key in _GIVEN_NAME_PLACES)
# Endings of dictionary nouns that name a field or a body, not a person (see _no_person_alone).
_ABSTRACT_NOUN_ENDINGS = ("si", "isme", "tas", "nya")
# Words that go on an office right after it: its number ("Ketua II", "Pejabat Eselon II") and the
# air force of a rank ("Komodor Udara"). Places keep numbers ("Koto XI Tarusan"), names too ("Paulus II").
_OFFICE_SUFFIXES = frozenset("i ii iii iv v vi vii viii ix x xi xii udara darat laut".split())
# Words that are never a person's name alone (see _no_person_alone).
_NOT_A_NAME_ALONE = _NO_NAME_ALONE | _HEADS | PLACE_NOUNS | _OFFICE_SUFFIXES
# Words that may open or sit in a role stated before a name (see _role_before).
_ROLE_OPENERS = ROLE_HEADS | ROLE_WORDS | FIELD_WORDS

# Double marks, or single curly ones (‘…’): a straight ' is an apostrophe too often ("Jum'at").
# Greedy = lazy here: the content holds no closing mark.
_QUOTE = re.compile(r"[“\"]([^“”\"]{3,})[”\"]|‘([^‘’]{3,})’")
_QUOTE_OPENERS = ("\"", "“", "‘")
_AFTER_QUOTE_CUES = ("(?:(?:kata|ujar|ucap|tutur|jelas|tambah|terang|lanjut|imbuh|ungkap|tegas|papar|sebut|tulis|bunyi"
                     "|pungkas|tandas|timpal|kilah|bantah|sanggah|jawab|tanya|seru|cetus|beber|urai|sambung|kenang"
                     "|pinta|klaim|keluh|tukas|harap|sindir|ajak|imbau|pesan|prediksi|nilai|akui|seloroh"
                     "|canda|kritik)(?:nya)?|said|says|added)")
_CUE_AFTER_QUOTE = re.compile(
    r"\s*,?\s*(?P<cue>" + _AFTER_QUOTE_CUES
    # A statement's issuer: '"...," demikian pernyataan (resmi) manajemen Garuda Indonesia'.
    + r"|demikian\s+(?:bunyi\s+)?(?:pernyataan|keterangan)(?:\s+(?:resmi|tertulis))?(?:\s+(?:manajemen|pihak))?"
    # ... and its speaker: '"...," demikian dikatakan Menteri ESDM Bahlil Lahadalia'.
    + r"|demikian\s+di(?:katakan|sampaikan|ungkapkan|tegaskan|jelaskan|ucapkan))\b",
    re.IGNORECASE)
# The attribution between the halves of one quote: ', kata X, ' (no sentence end, no other quote).
_SPLIT_QUOTE_JOIN = re.compile(r"\s*,?\s*" + _AFTER_QUOTE_CUES + r"\b[^.!?\"“”\n]{0,120},\s*", re.IGNORECASE)
# An attribution set off by a comma with no quotation marks, as wire copy writes it: "Kedua pihak
# sepakat menahan diri, kata juru bicara ...", "Kasus ini, kata Kapolres, masih didalami". Lower
# case: no sentence opens with it. The cues that are also adjectives ("jelas", "tambah", ...) only
# before a capital or as "-nya" ("..., tambah parah" is no attribution); not "sebut" ("sebut saja
# Mawar" is a pseudonym).
_UNQUOTED_CUES = ("kata", "ujar", "ucap", "tutur", "imbuh", "ungkap", "papar")
_ADJECTIVE_CUES = ("jelas", "tambah", "terang", "tegas")
_UNQUOTED_CUE = re.compile(r", (?P<cue>(?:" + "|".join(_UNQUOTED_CUES) + r")(?:nya)?"
                           r"|(?:" + "|".join(_ADJECTIVE_CUES) + r")(?:nya|(?=\s+[A-Z])))\b(?!-)")
# The attribution ending the sentence before a quote that goes on in the same voice: ', ujar X. '.
_ATTRIBUTION_THEN_QUOTE = re.compile(r"\s*,?\s*" + _AFTER_QUOTE_CUES + r"\b[^.!?\"“”\n]{0,120}\.\s*",
                                     re.IGNORECASE)
# Cue words as prefix tries (see trie_pattern): the same matches as flat alternations, since a
# cue is a whole word (bounded by \b or followed by the rest of the pattern), found sooner.
def _verb_before_quote(verbs: Iterable[str]) -> re.Pattern:
    """A speech verb ending the text before a quote: 'X mengatakan, "..."', 'X said: "..."'."""
    return re.compile(r"\b(?P<cue>" + trie_pattern([*verbs, "kata", "ujar"]) + r")\s*[,:]?\s*$", re.IGNORECASE)


_VERB_BEFORE_QUOTE = _verb_before_quote(SPEECH_VERBS)
_ENGLISH_VERB_BEFORE_QUOTE = _verb_before_quote(SPEECH_VERBS | _ENGLISH_SPEECH_VERBS)
# English puts the speaker between a quote and its verb: '"...," he said', '"...," Suhartoyo told reporters'.
_SPEAKER_THEN_VERB = re.compile(r"\s*,?\s*(?P<who>[^.!?\"“”\n,]{1,80}?)\s+(?P<cue>"
                                + trie_pattern(_ENGLISH_SPEECH_VERBS) + r")\b")
# "mengungkap kasus", "mengungkap sindikat": the police uncover a case, they report nothing; who
# "mengakui kekalahan" concedes a defeat.
_INDIRECT = re.compile(r"\b(?P<cue>" + trie_pattern(_REPORTING_VERBS) + r")\b"
                       r"(?!(?<=mengungkap)\s+(?:kasus|sindikat|jaringan|praktik|modus|identitas|peredaran)\b"
                       r"|(?<=mengakui)\s+kekalahan\b"
                       r"|(?<=meminta)\s+(?:" + "|".join(_ASKED_FOR.split()) + r")\b)")
_SPEECH_VERB_LETTERS = re.compile(trie_pattern(_REPORTING_VERBS))
# "WASHINGTON, KOMPAS.TV - …": an outlet in a dateline, possibly with its domain suffix.
_DATELINE_TAIL = re.compile(r"(?:\.\w+)*\s*[-–—|]")
_WORDS = re.compile(r"\w+")
_PRONOUN_AFTER = re.compile(r"\s+(?:" + "|".join(sorted(PRONOUNS)) + r")\b", re.IGNORECASE)
# "Menurutnya" and "Menurut dia" refer back to the last speaker; so does English "according to him".
_MENURUT = re.compile(r"\b(?P<cue>[Mm]enurut(?:nya|\s+(?:" + "|".join(sorted(PRONOUNS)) + r"))?"
                      # "Sebagaimana dikatakan X, ...", "Seperti disampaikan oleh X, ...": a source before what it said.
                      r"|(?:[Ss]ebagaimana|[Ss]eperti)\s+di(?:katakan|sampaikan|ungkapkan|jelaskan|tegaskan|utarakan"
                      r"|kemukakan|paparkan|sebutkan)(?:\s+oleh)?"
                      r"|[Aa]ccording\s+to(?:\s+(?:him|her))?)\b")
# C-level tests for sentences that may hold _MENURUT: the Indonesian ones, then the English one.
_ACCORDING_LETTERS = ("enurut", "ebagaimana di", "eperti di", "ccording")
_INDONESIAN_ACCORDING = _ACCORDING_LETTERS[:-1]
_SPACES_AND_BRACKETS = re.compile(r"[\s)]*")
_LOWER_START = re.compile(r"\s*[a-z]")
# A day, perhaps with its date, set off by commas between a subject and its verb ("Johanis Tanak,
# Selasa (10/6/2025), menyebutkan").
_DAY_CLAUSE = re.compile(r"\s*(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu)(?:\s*\([\d/-]+\))?\s*")


class Mention(NamedTuple):
    """One mention of an actor in a text; ``start``/``end`` are character offsets."""

    start: int
    end: int
    surface: str
    actor_id: str
    name: str
    type: str
    subtype: str = ""
    role: str = ""
    confidence: float = 1.0
    method: str = "gazetteer"
    resolution: str = ""


# Field positions of a mention row (a plain tuple in Mention order, see _mention_rows).
(_START, _END, _SURFACE, _ACTOR_ID, _NAME, _TYPE, _SUBTYPE, _ROLE, _CONFIDENCE, _METHOD,
 _RESOLUTION) = range(len(Mention._fields))


@dataclass(slots=True)
class _PythonCandidate:
    """A token range ``[first, last)`` that may name an actor, and what is known of it."""

    first: int
    last: int
    type: str
    method: str
    confidence: float
    entry: Entry | None = None
    weak: bool = False  # kept only if it resolves to a full name in the same text
    resolution: str = ""


# The compiled class has the same fields and is made about five times faster.
_Candidate = _PythonCandidate if _CompiledCandidate is None else _CompiledCandidate


_FIRST = attrgetter("first")
_ENTRY = attrgetter("entry")
_NONE: frozenset[str] = frozenset()  # no aliases of a subtype


def settings() -> dict:
    """The ``[actors]`` settings with defaults filled in."""
    values = {"model": True, "model_first": True, "read_known": False, "fuzzy_threshold": 88,
              "fuzzy_token_threshold": 75, "watchlists": [], "untagged_languages": []}
    values.update(config.section("actors"))
    return values


def extract_actors(text: str, *, use_model: bool | None = None, outlet: str = "", published: str = "",
                   language: str | None = None) -> list[Mention]:
    """Return the actor mentions of ``text`` in order of position (see the module docstring).

    ``use_model=False`` is the fast mode (gazetteer and rules, no tagger); ``None`` follows
    ``[actors] model``. ``published`` (an ISO day, month or year) lets an office named alone be
    the one who held it then (``office_holders.tsv``). ``language`` (``"id"``, ``"en"``, ...;
    None: detected) decides whether the tagger may read the text (``[actors] untagged_languages``).
    """
    options = settings()
    language = _article_language(text, language)
    model = (options["model"] if use_model is None else use_model) and language not in options["untagged_languages"]
    rows = _mention_rows(text, load_gazetteer(tuple(options["watchlists"])), options, model, outlet, published,
                         english=language == "en")
    return list(map(Mention._make, rows))


def _mention_rows(text: str, gazetteer, options: dict, model: bool, outlet: str, published: str = "", *,
                  english: bool = False) -> list[tuple]:
    """The mentions of ``text`` as plain tuples in :class:`Mention` field order (cheaper than objects);
    ``english``: the text is English copy, whose own rules run too."""
    tokens = tokenize(text)
    if not tokens.words:
        return []
    found = gazetteer.spans(tokens)
    # A C-level test of the aliases found first: most texts hold none of these names.
    if not _COMMON_READING_ALIASES.isdisjoint(map(itemgetter(3), found)):
        found = _without_common_readings(found, tokens.keys)
    if "DPD" in text:  # a C-level test first: most texts name no DPD
        found = _without_party_boards(found, tokens.keys)
    if "nisial" in text:  # a C-level test first: most texts withhold no one's name
        found = _without_initials(found, tokens.keys)
    if "RT" in text:  # a C-level test first: most texts name no neighbourhood
        found = _without_neighbourhood_units(found, tokens.keys)
    if "SAR" in text:  # a C-level test first: most texts name no rescue team
        found = _without_teams_of_bodies(found)
    # owner[k]: the index of the candidate covering token k, or -1.
    if _compiled_seed is not None and _Candidate is _CompiledCandidate:
        candidates, owner = _compiled_seed(found, _ALIAS_CONFIDENCE, len(tokens.words))
    else:
        candidates, owner = _seed_candidates(found, len(tokens.words))
    if "upati" in text or "abup" in text:  # a C-level test first: most articles name no regent
        _regency_after_regent(tokens, candidates, gazetteer)
    if "upati" in text or "abup" in text or "Kota " in text or "alkot" in text:
        _bare_regions_after_heads(tokens, owner, candidates, gazetteer)
    aliases = gazetteer.subtype_aliases
    # C-level tests first: most texts name no Indonesian body, or no other country.
    if not aliases.get("state", _NONE).isdisjoint(map(itemgetter(3), found)) \
            and not aliases.get("country", _NONE).isdisjoint(map(itemgetter(3), found)):
        _foreign_bodies(tokens, owner, candidates)
    if not _GIVEN_NAME_PLACE_ALIASES.isdisjoint(map(itemgetter(3), found)):  # C-level: most texts name none
        _given_name_places(tokens, owner, candidates, gazetteer, options)
    read: Sequence[bool] = ()
    if model and options["model_first"]:
        read = _model_pass(text, tokens, owner, candidates, override=True, read_known=options["read_known"])
    _surname_rule(tokens, owner, candidates, gazetteer, options)
    # After the tagger, only the surest rules fill in: it has already read the weaker cues.
    tagged = model and options["model_first"]
    if not tagged:
        # One scan finds the head words of both rules; organisations claim first.
        if _compiled_heads is not None:
            heads = _compiled_heads(tokens.keys, tokens.words, _HEADS)
        else:
            heads = _capitalised_heads(tokens.keys, tokens.words, _HEADS)
        if heads:
            keys = tokens.keys
            _organisation_rule(tokens, owner, candidates, [k for k in heads if keys[k] in _ORG_RULE_HEADS])
            # Without the tagger a place noun opens a place too ("Stasiun Gambir", "Pasar Induk Kramat Jati").
            _place_rule(tokens, owner, candidates, [k for k in heads if keys[k] in _PLACE_OPENERS])
    else:
        # A place word's run that the tagger left untagged is a place still ("Warga Kelurahan
        # Menteng hadir": short sentences give the tagger little to go on), and so is an
        # organisation's head it never learnt ("PLTU Suralaya dituding ...").
        heads = (_compiled_heads or _capitalised_heads)(tokens.keys, tokens.words, _TAGGED_RULE_HEADS)
        if heads:
            keys = tokens.keys
            later = [k for k in heads if keys[k] in _LATER_ORG_HEADS]
            if later:
                _organisation_rule(tokens, owner, candidates, later)
                heads = [k for k in heads if keys[k] not in _LATER_ORG_HEADS]
            _place_rule(tokens, owner, candidates, heads)
    # Place words in lower case open places too ("di kecamatan Sukasada", "di jalan Dewi Sartika").
    lower_heads = (_compiled_lower_heads or _lower_case_heads)(tokens.keys, tokens.words, PLACE_HEADS)
    if lower_heads:
        _place_rule(tokens, owner, candidates, lower_heads)
    unread = _person_rule(text, tokens, owner, candidates, strong_only=tagged, skip=read)
    if model and not options["model_first"]:
        _model_pass(text, tokens, owner, candidates)
    if any(hint in text for hint in _LISTED_PLACE_HINTS):  # C-level tests first: most texts list no village
        _coordinated_places(text, tokens, owner, candidates)
    if not tagged:  # the tagger reads lists itself: this rule cost its precision (IDNer dev 0.8163 -> 0.8121)
        _coordinated_persons(text, tokens, owner, candidates)
        if "(" in text:
            _join_bracketed_short_forms(text, tokens, owner, candidates)
    if unread:
        _name_part_rule(tokens, owner, candidates, unread)
    if "Kantor " in text:  # a C-level test first: most texts name no regional office
        _regional_offices(tokens, owner, candidates)
    if "Komisi " in text:  # a C-level test first: most texts name no council's commission
        _commissions(tokens, owner, candidates)
    _bodies_with_their_place(text, tokens, owner, candidates)
    if english:
        _english_place_heads(tokens, owner, candidates)
    if " I " in text or "\nI " in text or text.startswith("I ") or "Ni " in text:  # C-level: most texts name no Balinese
        _balinese_prefixes(tokens, owner, candidates)
    rows = _resolve(text, tokens, owner, candidates, gazetteer, options)
    rows = _office_references(text, tokens, rows, gazetteer, published)
    if english:
        rows = [row for row in rows if row[_TYPE] != "PER" or not _named_after_person(text, row)]
    if "Piala " in text:  # a C-level test first: most texts name no cup
        rows = [row for row in rows if not _cup_scope(text, row)]
    if "UU " in text or "ndang " in text or "Perppu " in text or (english and (" Law" in text or " law" in text)):
        rows = [row for row in rows if not _law_subject(text, row)]  # C-level tests first: most texts name no law
    if "." in "".join(map(itemgetter(_SURFACE), rows)):  # one C-level test: most mentions hold no dot
        rows = [row for row in rows if "." not in row[_SURFACE] or not _degree(text, row)]
    return [row for row in rows if row[_SUBTYPE] != "media" or not _is_credit(text, row, outlet)]


_CUP_SCOPE = re.compile(r"Piala\s+$")


def _cup_scope(text: str, row: tuple) -> bool:
    """Whether a place mention (a row in Mention order) only names a cup's scope ("Piala Asia",
    "Piala Eropa"): a competition, not a place of the story."""
    return row[_TYPE] == "LOC" and _CUP_SCOPE.search(text, max(0, row[_START] - 12), row[_START]) is not None


_DEGREE = re.compile(r"(?:[A-Z][A-Za-z]{0,3}\.)+[A-Z][A-Za-z]{0,3}\.?")


def _degree(text: str, row: tuple) -> bool:
    """Whether a mention (a row in Mention order) is an academic degree after a name and its comma
    ("Bambang Brodjonegoro, M.U.P.", "Yusril Ihza Mahendra, S.H."): no actor."""
    return _DEGREE.fullmatch(row[_SURFACE]) is not None and text[max(0, row[_START] - 2) : row[_START]].strip() == ","


# English puts a place's or a body's head noun after the person it is named after: "the Hasan
# Sadikin hospital", "the Soekarno-Hatta airport".
_ENGLISH_HEAD_AFTER_NAME = re.compile(r"(?:hospital|airport|stadium|university|street|road|mosque|school"
                                      r"|port|market|building|hall|bridge|highway|avenue|square|toll)\b")


def _named_after_person(text: str, row: tuple) -> bool:
    """Whether a person's mention (a row in Mention order) is the name of a thing, with an English
    head noun after it ("the Hasan Sadikin hospital"): no person of the article. (A match anchored
    after each person costs far less than one search of the whole text.)"""
    end = row[_END]
    return text.startswith(" ", end) and _ENGLISH_HEAD_AFTER_NAME.match(text, end + 1) is not None


_LAW_BEFORE = re.compile(r"(?:\b(?:R?UU|Perppu)|Undang-[Uu]ndang)\s+$")
_LAW_AFTER = re.compile(r"[ \t]+(?:[Ll]aw|[Bb]ill)\b")  # English: "the Indonesian Military Law", "the KPK bill"


def _law_subject(text: str, row: tuple) -> bool:
    """Whether a body's mention (a row in Mention order) only names a law's subject ("revisi UU TNI",
    "Undang-Undang KPK", "RUU Polri", "the KPK Law"): the law is the news, the body no actor of it."""
    return row[_TYPE] == "ORG" and (_LAW_BEFORE.search(text, max(0, row[_START] - 16), row[_START]) is not None
                                    or _LAW_AFTER.match(text, row[_END]) is not None)


def _name_part_rule(tokens: Tokens, owner: list[int], candidates: list[_Candidate | None],
                    unread: Sequence[int]) -> None:
    """A word of one person's full name, alone elsewhere in the text, is that person: news names
    someone in full once ("Wakil Menteri Musliar Kasim"), then by one name ("Musliar tidak hadir").

    ``unread`` holds the capitalised words the person rule found alone and left (no cue, no
    capitalised word beside them). Only names of two words or more lend their words, and only
    words that are no dictionary word ("Sri", "Agung", "Kasim" stay unread); a word two names
    share is left. The mention is weak: kept only where it resolves to the full name (see
    _resolve_short_forms).
    """
    keys, words = tokens.keys, tokens.words
    # Most texts leave only dictionary words alone ("Namun", "Dalam"): then no name is read.
    alone = [k for k in unread if owner[k] < 0 and len(keys[k]) > 2 and not words[k].isupper()
             and keys[k] not in TITLES and not is_common_word(keys[k])]
    if not alone:
        return
    compiled = _compiled_name_keys is not None and _Candidate is _CompiledCandidate
    lenders = (_compiled_name_keys if compiled else _person_name_keys)(candidates, keys)
    for k in alone:
        if lenders.get(keys[k], -1) >= 0:
            _claim(owner, candidates, _Candidate(k, k + 1, "PER", "rule", 0.6, weak=True))


def _person_name_keys(candidates: Sequence[_Candidate | None], keys: Sequence[str]) -> dict[str, int]:
    """Each word key of a person's name of two words or more → that candidate's index, or -1
    where two such names share the key (``warta._tokens`` compiles this loop)."""
    lenders: dict[str, int] = {}
    for index, candidate in enumerate(candidates):
        if candidate is not None and candidate.last - candidate.first > 1 and candidate.type == "PER":
            for key in keys[candidate.first : candidate.last]:
                lenders[key] = index if lenders.get(key, index) == index else -1
    return lenders


def _coordinated_places(text: str, tokens: Tokens, owner: list[int], candidates: list[_Candidate]) -> None:
    """Places listed after a village or district's head word are places of that kind: "Kecamatan
    Porong, Tanggulangin dan Jabon", "Desa Kramas dan Keramas". The gazetteer holds no kecamatan
    or desa, and the tagger reads a lone name in such a list as a person.

    Each listed item is one or two capitalised words, unclaimed or claimed as a person by the
    tagger or the rules only (never a known name); an office word or a title ends the list.
    """
    keys = tokens.keys
    for candidate in list(candidates):
        if candidate is None or candidate.type != "LOC" or keys[candidate.first] not in _LISTED_PLACE_HEADS:
            continue
        items = _items_listed_after(text, tokens, candidate.last, 2, partial(_listed_place_word, tokens, owner, candidates))
        if (items and candidate.first > 0 and keys[candidate.first - 1] in ROLE_HEADS
                and keys[items[-1][0] - 1] not in _LIST_JOINS):
            continue  # "Kepala Desa Sukamaju, Ahmad Yani, ...": the head of the village in apposition, no list
        for first, last in items:
            _claim(owner, candidates, _Candidate(first, last, "LOC", "rule", 0.7))


def _join_bracketed_short_forms(text: str, tokens: Tokens, owner: list[int], candidates: list[_Candidate]) -> None:
    """"Mahkamah Konstitusi (MK)": an organisation or place and its bracketed short form are one
    mention, as the full profile's tagger pass reads them. A known name keeps its actor (a short
    form that the gazetteer gives to another actor stays apart); a name the rules found is named
    without the brackets (see _resolve)."""
    starts, n = tokens.starts, len(tokens.words)
    position = text.find("(")
    while position >= 0:  # a few brackets per text, against tens of candidates
        k = bisect_left(starts, position + 1)  # the word the bracket opens
        position = text.find("(", position + 1)
        if not 0 < k < n or owner[k - 1] < 0 or not _bracketed_short_form(text, tokens, k, k + 1):
            continue
        candidate = candidates[owner[k - 1]]
        if candidate is None or candidate.last != k or candidate.type == "PER":
            continue  # a person's bracketed nickname is a name of its own ("Joko Widodo (Jokowi)")
        if not tokens.words[k][0].isupper():
            continue  # "(2024)", "(dulu)": no short form, no legal form
        if candidate.type != "ORG" and not _is_short_form(tokens.words[k],
                                                          text[starts[candidate.first]:tokens.ends[k - 1]]):
            continue  # a firm's legal form joins it ("PT Pertamina (Persero)"), not a place ("Indonesia (Tbk)")
        short = candidates[owner[k]] if owner[k] >= 0 else None
        if short is not None and short.entry is not None and (
                short.entry.type != candidate.type if candidate.entry is None
                else short.entry.actor_id != candidate.entry.actor_id):
            continue
        _claim(owner, candidates, _Candidate(candidate.first, k + 1, candidate.type, candidate.method,
                                             candidate.confidence, candidate.entry, resolution=candidate.resolution))


def _coordinated_persons(text: str, tokens: Tokens, owner: list[int], candidates: list[_Candidate]) -> None:
    """Names listed with a person are persons: "Jero Wacik, Marzuki Alie, Toto Riyanto dan Hadi
    Utomo" when one of them is known or marked as a person. Each item is one to three capitalised
    words that no other name claims, not an office, title or date; the list goes on from the person
    in both directions across commas and "dan"/"serta"/"atau"."""
    word_ok = partial(_listed_person_word, tokens, owner)
    keys, starts, ends, n = tokens.keys, tokens.starts, tokens.ends, len(tokens.words)
    for candidate in [c for c in candidates if c is not None and c.type == "PER" and not c.weak]:
        # Most names stand in running text: only a separator and a free name word beside it may
        # make a list (the walks below check the rest).
        first, last = candidate.first, candidate.last
        after = last + (last < n and keys[last] in _LIST_JOINS)
        before = first - 1 - (first > 0 and keys[first - 1] in _LIST_JOINS)
        walks = []
        if after < n and (after > last or text[ends[last - 1] : starts[last]] != " ") and word_ok(after):
            walks.append(_items_listed_after(text, tokens, last, 3, word_ok))
        if before >= 0 and (before < first - 1 or text[ends[first - 1] : starts[first]] != " ") and word_ok(before):
            walks.append(_items_listed_before(text, tokens, first, 3, word_ok))
        for items in walks:
            for first, last in items:  # nearest first: the list ends at the first item that is no name
                # "Sebelumnya, Yenny Wahid", "Menurut Amir, Jokowi ...": a clause's opening word.
                if tokens.keys[first] in CUES_BEFORE or (is_common_word(tokens.keys[first]) and (
                        last - first == 1 or _sentence_initial(tokens, first))):
                    if last - first == 1 or not _sentence_initial(tokens, first):
                        break
                    first += 1  # "Misalnya Aburizal Bakrie atau Prabowo Subianto"
                _claim(owner, candidates, _Candidate(first, last, "PER", "rule", 0.7))


def _items_listed_after(text: str, tokens: Tokens, k: int, width: int,
                        word_ok: Callable[[int], bool]) -> list[tuple[int, int]]:
    """The ``(first, last)`` token ranges of the list items that follow the one ending before token
    ``k``: each after a comma, "dan", ", dan" (or "serta", "atau"), of one to ``width`` words that
    ``word_ok`` accepts; the list ends at an item that is no such run or runs on into more
    capitalised words."""
    keys, words, n, items = tokens.keys, tokens.words, len(tokens.words), []
    while k < n:
        paired = not items and _spaced_dash_after(tokens, k - 1)
        gap = text[tokens.ends[k - 1] : tokens.starts[k]].strip()
        if gap not in ("", ",") and not paired:
            break
        if keys[k] in _LIST_JOINS:
            if k + 1 >= n or not tokens.joined[k]:
                break
            k += 1
        elif gap != "," and not paired:
            break
        first = k
        while k < n and k - first < width and (first == k or tokens.joined[k - 1]) and word_ok(k):
            k += 1
        if k == first or (k < n and tokens.joined[k - 1] and words[k][0].isupper()):
            break  # no name, or a longer capitalised run than one item
        items.append((first, k))
        if paired:
            break  # a pair, no list
    return items


def _items_listed_before(text: str, tokens: Tokens, k: int, width: int,
                         word_ok: Callable[[int], bool]) -> list[tuple[int, int]]:
    """:func:`_items_listed_after` going back from the item that starts at token ``k``."""
    keys, words, items = tokens.keys, tokens.words, []
    while k > 0:
        paired = not items and _spaced_dash_after(tokens, k - 1)
        gap = text[tokens.ends[k - 1] : tokens.starts[k]].strip()
        if gap == "" and keys[k - 1] in _LIST_JOINS and k >= 2:
            k -= 1
            gap = text[tokens.ends[k - 1] : tokens.starts[k]].strip()  # "A, dan B" or "A dan B"
            if gap not in ("", ","):
                break
        elif gap != "," and not paired:
            break
        last = k
        while k > 0 and last - k < width and (k == last or tokens.joined[k - 1]) and word_ok(k - 1):
            k -= 1
        if k == last or (k > 0 and tokens.joined[k - 1] and words[k - 1][0].isupper()):
            break
        items.append((k, last))
        if paired:
            break
    return items


def _listed_person_word(tokens: Tokens, owner: Sequence[int], k: int) -> bool:
    key = tokens.keys[k]
    return (owner[k] < 0 and tokens.words[k][0].isupper() and not tokens.words[k].isupper()
            and key not in _NO_NAME_ALONE and key not in TITLES and key not in _HEADS)


def _listed_place_word(tokens: Tokens, owner: Sequence[int], candidates: Sequence[_Candidate | None], k: int) -> bool:
    held = candidates[owner[k]] if owner[k] >= 0 else None
    if held is not None and (held.type != "PER" or held.method == "gazetteer"):
        return False
    key = tokens.keys[k]
    # "Kecamatan Nguter, Sebelah Selatan adalah ...": a dictionary word opens a new clause, not a name.
    return _is_capitalised(tokens, k) and key not in _NO_NAME_ALONE and key not in TITLES and not is_common_word(key)


def _regency_after_regent(tokens: Tokens, candidates: list[_Candidate], gazetteer) -> None:
    """Read a bare city name after a regent's office as the regency: "Bupati Bogor" is Kabupaten Bogor.

    A bare name goes to the kota when both exist (:func:`warta.gazetteer.read_regions`), but a
    bupati governs a kabupaten. "Kota Bogor" written out stays the city.
    """
    keys = tokens.keys
    for candidate in candidates:
        entry = candidate.entry if candidate is not None else None
        if entry is None or entry.subtype != "kab_kota" or candidate.first == 0:
            continue
        office = candidate.first - 1
        office -= office > 0 and keys[office] in HOLDER_STANDINGS  # "Bupati terpilih Bekasi"
        if keys[office] not in REGENT_OFFICES or keys[candidate.first] == "kota" or not entry.name.startswith("Kota "):
            continue
        regency = gazetteer.entries.get(actor_id("LOC", "Kabupaten " + entry.name[len("Kota "):]))
        if regency is not None:
            candidate.entry = regency


_COMMISSION_NUMBERS = frozenset("i ii iii iv v vi vii viii ix x xi xii xiii a b c d e".split())


def _commissions(tokens: Tokens, owner: list[int], candidates: list[_Candidate | None]) -> None:
    """A numbered commission of a known council is a body of its own: "Komisi III DPR" (the House's
    law commission, named "Komisi III Dewan Perwakilan Rakyat" however the council is written),
    "Komisi B DPRD DKI Jakarta"; the council alone would credit the whole House."""
    keys, words, joined, n = tokens.keys, tokens.words, tokens.joined, len(tokens.words)
    for k in (_compiled_heads or _capitalised_heads)(keys, words, _COMMISSION_HEADS):
        if k + 2 >= n or not joined[k] or not joined[k + 1] or keys[k + 1] not in _COMMISSION_NUMBERS \
                or not words[k + 1].isupper():
            continue
        held = candidates[owner[k]] if owner[k] >= 0 else None
        if held is not None and (held.first != k or held.last > k + 2):
            continue  # a longer name holds the word: "Komisi Pemberantasan Korupsi"
        council = candidates[owner[k + 2]] if owner[k + 2] >= 0 else None
        if council is None or council.entry is None or council.first != k + 2 \
                or not council.entry.name.startswith(_COUNCILS):
            continue
        name = _commission_name(words[k + 1], council.entry)
        _claim(owner, candidates, _Candidate(k, council.last, "ORG", "rule", 0.7,
                                             Entry(actor_id("ORG", name), name, "ORG", council.entry.subtype)))


def _commission_name(number: str, council: Entry) -> str:
    """One name however the council is written: "Komisi III DPR RI" is "Komisi III Dewan Perwakilan Rakyat"."""
    return f"Komisi {number.upper()} {council.name}"


_COMMISSION_HEADS = frozenset({"komisi"})
_COUNCILS = ("Dewan Perwakilan Rakyat", "DPRD ")


# Balinese names open with "I" (men) or "Ni" (women) before the birth-order name or caste title.
_BALINESE_PREFIXES = frozenset({"I", "Ni"})
_BALINESE_NAMES = frozenset("wayan made nyoman ketut gede putu komang kadek nengah luh gusti dewa ayu".split())


def _balinese_prefixes(tokens: Tokens, owner: list[int], candidates: list[_Candidate | None]) -> None:
    """A person's name takes the "I" or "Ni" before it where a Balinese name follows: "Wakil
    Gubernur I Nyoman Giri Prasta", "Ni Luh Putu Ary Pertami" (the passes read them as a pronoun,
    a numeral or a word of their own)."""
    words, keys, joined = tokens.words, tokens.keys, tokens.joined
    for index in range(len(candidates)):
        person = candidates[index]
        if person is None or person.type != "PER":
            continue
        k = person.first  # the birth-order names the tagger left out go too: "I | Nyoman | Giri Prasta"
        while k > 1 and keys[k - 1] in _BALINESE_NAMES and words[k - 1][0].isupper() and owner[k - 1] < 0 \
                and joined[k - 1]:
            k -= 1
        if k > 0 and words[k - 1] in _BALINESE_PREFIXES and keys[k] in _BALINESE_NAMES and owner[k - 1] < 0 \
                and joined[k - 1]:
            owner[k - 1 : person.first] = [index] * (person.first - k + 1)
            candidates[index] = _Candidate(k - 1, person.last, "PER", person.method, person.confidence, person.entry,
                                           resolution=person.resolution)


def _bodies_with_their_place(text: str, tokens: Tokens, owner: list[int], candidates: list[_Candidate | None]) -> None:
    """A place that ends a body's name joins it where a pass read the two apart: a firm's country
    after its last word ("Mirae Asset Sekuritas Indonesia"), and a regency's, city's or province's
    department ("Dinas Lingkungan Hidup Kota Bandung", as "Dinas Pendidikan Jawa Timur" reads)."""
    keys, words, starts, ends, n = tokens.keys, tokens.words, tokens.starts, tokens.ends, len(tokens.words)
    ends_of_bodies = list((_compiled_heads or _capitalised_heads)(keys, words, _FIRM_WORDS))
    if "Dinas " in text:  # a C-level test first: most texts name no department
        ends_of_bodies += [c.last - 1 for c in candidates
                           if c is not None and c.type == "ORG" and c.last - c.first >= 2 and keys[c.first] == "dinas"]
    for k in ends_of_bodies:
        body = candidates[owner[k]] if owner[k] >= 0 else None
        place = candidates[owner[k + 1]] if k + 1 < n and owner[k + 1] >= 0 else None
        if body is None or place is None or body.type != "ORG" or body.last != k + 1 or place.first != k + 1 \
                or place.type != "LOC" or place.method != "gazetteer" or place.entry is None \
                or text[ends[k] : starts[k + 1]] != " ":
            continue
        wanted = ("country",) if keys[k] in _FIRM_WORDS else ("kab_kota", "province")
        if place.entry.subtype in wanted:
            _claim(owner, candidates, _Candidate(body.first, place.last, "ORG", body.method, body.confidence))


# Offices whose portfolio follows them directly ("Menteri Luar Negeri", "Wamen Keuangan").
_PORTFOLIO_OFFICES = frozenset("menteri wamen menko".split())


def _regional_offices(tokens: Tokens, owner: list[int], candidates: list[_Candidate | None]) -> None:
    """"Kantor" before a known body and a known place names the body's office there, a body of its
    own: "Kantor Kemenag Garut" (the Ministry of Religious Affairs' office in Garut), "Kantor
    Imigrasi Jakarta Selatan"; the place is the office's."""
    keys, words, joined, n = tokens.keys, tokens.words, tokens.joined, len(tokens.words)
    for k in (_compiled_heads or _capitalised_heads)(keys, words, _OFFICE_OF_BODY):
        body = candidates[owner[k + 1]] if k + 1 < n and joined[k] and owner[k + 1] >= 0 else None
        if body is None or body.type != "ORG" or body.method != "gazetteer" or body.first != k + 1 \
                or body.last >= n or not joined[body.last - 1] or owner[body.last] < 0:
            continue
        place = candidates[owner[body.last]]
        if place is not None and place.type == "LOC" and place.method == "gazetteer" and place.first == body.last:
            _claim(owner, candidates, _Candidate(k, place.last, "ORG", "rule", 0.7))


_OFFICE_OF_BODY = frozenset({"kantor"})


# Regencies and cities whose bare names the gazetteer leaves out (ordinary words, other places:
# [actors] no_bare_regions), which a head's office makes sure of: "Bupati Toba", "Wali Kota Batu".
_NO_BARE_REGIONS = frozenset(name.lower() for name in config.section("actors").get("no_bare_regions", []))
_REGION_HEADS = REGENT_OFFICES | {"kota", "walkot"}


def _bare_regions_after_heads(tokens: Tokens, owner: list[int], candidates: list[_Candidate | None],
                              gazetteer) -> None:
    """A bare regency's or city's name of ``_NO_BARE_REGIONS`` right after its head's office is that
    place: "Bupati Toba Poltak Sitorus" (Kabupaten Toba, then the regent), "Wali Kota Batu"."""
    keys, words, joined, n = tokens.keys, tokens.words, tokens.joined, len(tokens.words)
    for k in (_compiled_heads or _capitalised_heads)(keys, words, _REGION_HEADS):
        if k + 1 >= n or not joined[k] or owner[k + 1] >= 0 or keys[k + 1] not in _NO_BARE_REGIONS \
                or not words[k + 1][0].isupper():
            continue
        if keys[k] in REGENT_OFFICES:
            kind = "kabupaten"
        elif keys[k] == "walkot" or (k > 0 and keys[k - 1] == "wali"):
            kind = "kota"
        else:
            continue
        found = gazetteer.index.get((kind, keys[k + 1]))
        if found is not None:
            _claim(owner, candidates, _Candidate(k + 1, k + 2, "LOC", "gazetteer", 0.95, found[0]))


def _foreign_bodies(tokens: Tokens, owner: list[int], candidates: list[_Candidate]) -> None:
    """An Indonesian state body's name with another country after it is that country's body:
    "Kementerian Luar Negeri Mesir" is Egypt's foreign ministry, not Indonesia's, and "Mahkamah
    Agung AS" is the US Supreme Court. The two known names become one body the gazetteer lacks
    (its own entries, "Kementerian Luar Negeri Rusia", are matched whole before this); with
    "Indonesia" after it, the body is the known one. A body whose name says Indonesia stays
    Indonesian ("Garuda Indonesia Tiongkok Region": the airline's office there)."""
    n, joined = len(tokens.words), tokens.joined
    for index in range(len(candidates)):
        body = candidates[index]
        if body is None or body.entry is None or body.entry.subtype != "state" or body.last >= n \
                or owner[body.last] < 0 or not joined[body.last - 1] or "Indonesia" in body.entry.name:
            continue
        country = candidates[owner[body.last]]
        if country.entry is None or country.entry.subtype != "country" or country.first != body.last:
            continue
        if country.entry.name == "Indonesia":  # "Kementerian Luar Negeri Indonesia": the known body
            _claim(owner, candidates,
                   _Candidate(body.first, country.last, "ORG", "gazetteer", body.confidence, body.entry))
        else:
            _claim(owner, candidates, _Candidate(body.first, country.last, "ORG", "rule", 0.7))


def _less(found: list[tuple], dropped: list[tuple]) -> list[tuple]:
    """The gazetteer's spans ``found`` without those in ``dropped`` (``found`` itself when none is)."""
    return [span for span in found if span not in dropped] if dropped else found


def _without_common_readings(found: list[tuple], keys: Sequence[str]) -> list[tuple]:
    """The gazetteer's spans less the one-word names read as a common word by the word after them
    ("Lima warga", "Baku tembak": see _COMMON_READINGS)."""
    n = len(keys)
    dropped = [span for span in found if span[1] < n and keys[span[0]] in _COMMON_READINGS
               and keys[span[1]] in _COMMON_READINGS[keys[span[0]]] and span[1] - span[0] == 1]
    return _less(found, dropped)


def _without_party_boards(found: list[tuple], keys: Sequence[str]) -> list[tuple]:
    """The gazetteer's spans less a bare "DPD" before a party: "DPD Partai Golkar", "Ketua DPD
    Nasdem Sumenep" name the party's regional board (Dewan Pimpinan Daerah), not the Senate; the
    party is the actor, and "DPD" is part of its officer's office (see PORTFOLIO_WORDS)."""
    parties = {first: entry for first, _, entry, _ in found if entry.subtype == "party"}
    n = len(keys)
    dropped = []
    for span in found:
        if span[3] != "DPD":
            continue
        after = span[1] + (span[1] < n and keys[span[1]] in _OFFICE_SUFFIXES)  # "DPD I Partai Golkar"
        if after in parties or (after < n and keys[after] == "partai"):
            dropped.append(span)
    return _less(found, dropped)


# Words after which a capitalised acronym is a person's initials, the news withholding the name
# ("tersangka berinisial AS (27)": not the United States).
_INITIALS_CUES = frozenset("berinisial inisial inisialnya".split())
# Countries' two capitals that are a person's initials after a rank (see _resolve).
_INITIALS_LIKE_ALIASES = frozenset("AS RI UK US".split())


def _without_initials(found: list[tuple], keys: Sequence[str]) -> list[tuple]:
    """The gazetteer's spans less a name right after a word that announces initials ("berinisial
    AS", "inisial KPK"): they are a person's (see _INITIALS_CUES), and so are the same letters
    later in the text ("Pelaku berinisial AS ditangkap ... AS mencuri 5 sepeda motor")."""
    announced = [span for span in found if span[0] > 0 and keys[span[0] - 1] in _INITIALS_CUES]
    if not announced:
        return found
    first = {span[3]: span[0] for span in reversed(announced)}
    return _less(found, [span for span in found if span[3] in first and span[0] >= first[span[3]]])


# "RT" is a neighbourhood (rukun tetangga) far more often than Russia Today: counted ("14 RT atau
# 7 RW"), numbered ("RT 05/RW 02"), headed ("Ketua RT", "Pak RT") or local ("RT setempat").
_NEIGHBOURHOOD_ALIASES = frozenset({"RT"})
_BEFORE_NEIGHBOURHOOD = frozenset("""
ketua pak bu pengurus tingkat setiap tiap per antar warga satu dua tiga empat lima enam tujuh
delapan sembilan sepuluh sebelas belas puluh ratus beberapa sejumlah
""".split())
_AFTER_NEIGHBOURHOOD = frozenset("rw setempat".split())


def _without_neighbourhood_units(found: list[tuple], keys: Sequence[str]) -> list[tuple]:
    """The gazetteer's spans less an "RT" that is a neighbourhood unit (see _NEIGHBOURHOOD_ALIASES)."""
    n = len(keys)
    dropped = [span for span in found if span[3] in _NEIGHBOURHOOD_ALIASES and (
        (span[0] > 0 and (keys[span[0] - 1] in _BEFORE_NEIGHBOURHOOD or keys[span[0] - 1].isdigit()))
        or (span[1] < n and (keys[span[1]] in _AFTER_NEIGHBOURHOOD or keys[span[1]][:1].isdigit())))]
    return _less(found, dropped)


# Teams that a body sends: right before the body's name they are the body's ("Tim SAR Basarnas").
_TEAMS = frozenset({"Tim SAR"})


def _without_teams_of_bodies(found: list[tuple]) -> list[tuple]:
    """The gazetteer's spans less a team named right before the body it belongs to (see _TEAMS):
    "Tim SAR Basarnas" is Basarnas, one actor; "Tim SAR gabungan dan Basarnas" are two."""
    bodies = {first for first, _, entry, _ in found if entry.type == "ORG"}
    dropped = [span for span in found if span[2].name in _TEAMS and span[1] in bodies]
    return _less(found, dropped)


def _seed_candidates(found: list[tuple], n_tokens: int) -> tuple[list[_Candidate], list[int]]:
    """A candidate per gazetteer match and the owner of each token (``warta._tokens`` compiles this).

    Gazetteer matches never overlap, so they seed the candidates without claiming.
    """
    candidates: list[_Candidate] = [
        _Candidate(first, last, entry.type, "gazetteer", _ALIAS_CONFIDENCE[alias], entry)
        for first, last, entry, alias in found]
    owner: list[int] = [-1] * n_tokens
    for index, (first, last, _, _) in enumerate(found):
        if last - first == 1:
            owner[first] = index  # most names are one word: no slice to build
        else:
            owner[first:last] = [index] * (last - first)
    return candidates, owner


def extract_mentions(articles: pd.DataFrame, *, use_model: bool | None = None) -> pd.DataFrame:
    """Return the mentions table (one row per mention) of the non-rejected ``articles``.

    ``use_model=False`` skips the CRF tagger (the fast mode, about 3x faster; see
    ``benchmarks/bench_actors.py``); ``None`` follows ``[actors] model``.
    """
    return _mentions(articles, use_model=use_model, by_article=None)


def extract_mentions_and_quotes(articles: pd.DataFrame, *,
                                use_model: bool | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the mentions and quotes tables of ``articles``, as ``extract_mentions`` then ``extract_quotes`` would.

    The quotes read each article's mention rows as the extractor made them, instead of rebuilding
    them from the mentions table (which costs about as much as finding the quotes).
    """
    by_article: dict[str, list[tuple]] = {}
    mentions = _mentions(articles, use_model=use_model, by_article=by_article)
    return mentions, _quotes_table(articles, by_article)


def _mentions(articles: pd.DataFrame, *, use_model: bool | None,
              by_article: dict[str, list[tuple]] | None) -> pd.DataFrame:
    """The mentions table; with ``by_article``, also fill it with each article id's rows, in table order."""
    options = settings()
    model = options["model"] if use_model is None else use_model
    gazetteer = load_gazetteer(tuple(options["watchlists"]))
    columns: list[list] = [[] for _ in Mention._fields]
    # Sentence ids in one search at the end: sentence and mention starts are shifted by each
    # article's offset in an imaginary concatenation of all bodies. Per-article values (id,
    # offset, first sentence) are kept once per article and repeated per mention by numpy.
    sentence_starts: list[int] = []
    sentence_counts: list[int] = []
    ids: list[str] = []
    counts: list[int] = []  # mentions per article
    offsets: list[int] = []  # per article: its offset in the concatenation
    first_sentence: list[int] = []  # per article: index of its first sentence
    offset = 0
    languages = _usable_languages(articles)
    for (article_id, body, outlet), published, language in zip(_usable_columns(articles), _usable_dates(articles),
                                                               languages):
        body = _text(body)
        if not body.strip():
            continue
        language = _article_language(body, language)
        rows = _mention_rows(body, gazetteer, options, model and language not in options["untagged_languages"],
                             _text(outlet), published, english=language == "en")
        if not rows:
            continue
        spans = sentence_spans(body)
        ids.append(article_id() if callable(article_id) else article_id)
        if by_article is not None:
            # An id seen twice (the same article twice in a batch) gets both articles' rows, as
            # grouping the table by id would.
            by_article.setdefault(ids[-1], []).extend(rows)
        counts.append(len(rows))
        offsets.append(offset)
        first_sentence.append(len(sentence_starts))
        sentence_starts.extend(map(_START_OF, spans))
        sentence_counts.append(len(spans))
        for column, values in zip(columns, zip(*rows)):
            column.extend(values)
        offset += len(body) + 1
    n_mentions = np.asarray(counts, dtype="int64")
    starts = np.asarray(columns[0], dtype="int64")
    shifted = starts + np.repeat(np.asarray(offsets, dtype="int64"), n_mentions)
    all_starts = (np.asarray(sentence_starts, dtype="int64")
                  + np.repeat(np.asarray(offsets, dtype="int64"), np.asarray(sentence_counts, dtype="int64")))
    sentence_ids = np.searchsorted(all_starts, shifted, side="right") - 1
    sentence_ids = np.maximum(sentence_ids - np.repeat(np.asarray(first_sentence, dtype="int64"), n_mentions), 0)
    data = dict(zip(Mention._fields, columns))
    data.update(sentence_id=sentence_ids, start=starts)
    table = {name: _column(data[name], MENTION_DTYPES[name]) for name in MENTION_COLUMNS if name != "article_id"}
    # Each id converted once, then repeated per mention by Arrow.
    article_ids = pa.array(ids, type=pa.large_string()).take(np.repeat(np.arange(len(ids)), n_mentions))
    table["article_id"] = pd.array(article_ids, dtype="str")
    return pd.DataFrame(table, columns=MENTION_COLUMNS)


_START_OF = itemgetter(0)


def _column(values: Sequence, dtype: str):
    """A typed column; text goes through Arrow directly (twice as fast as pandas' inference)."""
    if dtype == "str":
        return text_column(values)
    return np.asarray(values, dtype=dtype)  # numbers: NumPy's conversion, not pandas' inference


def extract_quotes(articles: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """Return the quotes table: direct and indirect quotes with their speakers."""
    return _quotes_table(articles, _mentions_by_article(mentions))


def _quotes_table(articles: pd.DataFrame, by_article: Mapping[str, Sequence[tuple]]) -> pd.DataFrame:
    """The quotes table of ``articles``, given each article id's mentions (rows in :class:`Mention` field order)."""
    columns: list[list] = [[] for _ in QUOTE_COLUMNS]
    gazetteer = None
    for (article_id, body, _), title, published, language in zip(_usable_columns(articles), _usable_titles(articles),
                                                                 _usable_dates(articles), _usable_languages(articles)):
        body = _text(body)
        if not body.strip():
            continue
        article_id = article_id() if callable(article_id) else article_id
        mentions = by_article.get(article_id, [])
        rows = _quote_rows(body, mentions, english=_article_language(body, language) == "en")
        if title and (any(mark in title for mark in _HEADLINE_MARKS) or " Says " in title):  # C-level tests first
            gazetteer = gazetteer or load_gazetteer(tuple(settings()["watchlists"]))
            rows = _headline_quote_rows(title, mentions, gazetteer, published) + rows
        columns[0] += [article_id] * len(rows)
        for column, values in zip(columns[1:], zip(*rows)):
            column.extend(values)
    return pd.DataFrame({name: _column(values, QUOTE_DTYPES[name]) for name, values in zip(QUOTE_COLUMNS, columns)},
                        columns=QUOTE_COLUMNS)


def _mentions_by_article(mentions: pd.DataFrame, *, fields: Sequence[str] = Mention._fields) -> dict[str, list[tuple]]:
    """Each article's mention rows (plain tuples in :class:`Mention` field order), built column-wise;
    ``fields``, the first of those fields, makes shorter rows.

    A groupby with ``itertuples`` costs more than the quotes; so would a :class:`Mention` per row.
    """
    if not len(mentions):
        return {}
    codes, article_ids = pd.factorize(mentions["article_id"])
    order = np.argsort(codes, kind="stable")  # keeps each article's mentions in table order
    columns = [mentions[name].to_numpy()[order].tolist() for name in fields]
    rows = list(zip(*columns))
    ends = np.cumsum(np.bincount(codes)).tolist()  # every code occurs: factorize numbers what it saw
    return {article_id: rows[start:end] for article_id, start, end in zip(article_ids, [0, *ends], ends)}


def _quote_matches(text: str) -> list[re.Match]:
    """``_QUOTE.finditer(text)``, tried only where a quotation mark opens (a regex scan of every
    character costs several times more than finding the few marks)."""
    marks = []
    for mark in _QUOTE_OPENERS:
        position = text.find(mark)
        while position >= 0:
            marks.append(position)
            position = text.find(mark, position + 1)
    return _matches_at(_QUOTE, text, sorted(marks))


def _indirect_matches(text: str) -> list[re.Match]:
    """``_INDIRECT.finditer(text)``, tried only where a verb can start: compiled, where a whole
    word is a verb (``_tokens.whole_words``); else where a verb's letters start (found without
    word boundaries, which keep the regex engine from skipping ahead; the verbs are letters only,
    so no such hit can hide a match at a boundary)."""
    if _compiled_whole_words is not None:
        return _matches_at(_INDIRECT, text, _compiled_whole_words(text, _REPORTING_VERBS))
    return _matches_at(_INDIRECT, text, (hit.start() for hit in _SPEECH_VERB_LETTERS.finditer(text)))


def _inside(spans: Sequence[tuple[int, int]], position: int) -> bool:
    """Whether ``position`` lies in one of ``spans`` (ascending, not overlapping: quotation matches)."""
    k = bisect_right(spans, (position, _AFTER_ANY_END)) - 1
    return k >= 0 and position < spans[k][1]


_AFTER_ANY_END = float("inf")  # sorts a probe (position, inf) after every span starting at position


def _matches_at(pattern: re.Pattern, text: str, positions: Iterable[int]) -> list[re.Match]:
    """What ``pattern.finditer(text)`` finds, given every position (ascending) where a match may start."""
    matches, resume = [], 0
    for position in positions:
        if position >= resume and (match := pattern.match(text, position)) is not None:
            matches.append(match)
            resume = match.end()
    return matches


def quotes_in_text(text: str, mentions: Sequence[Mention], *, language: str | None = None) -> list[dict]:
    """Find the quotes of one text given its mentions; pronoun speakers take the previous speaker.

    ``mentions`` may also be plain tuples in :class:`Mention` field order (the extractor's rows):
    the quote helpers read fields by position. ``language`` (None: detected) says whether English
    attribution is read too.
    """
    english = _article_language(text, language) == "en"
    return [dict(zip(QUOTE_COLUMNS[1:], row)) for row in _quote_rows(text, mentions, english=english)]


def _quote_rows(text: str, mentions: Sequence[tuple], *, english: bool = False) -> list[tuple]:
    """:func:`quotes_in_text` as plain tuples in ``QUOTE_COLUMNS`` order without the article id."""
    mentions = sorted(mentions, key=_START_OF)
    at = _Mentions(mentions)
    spans = sentence_spans(text)
    starts = [start for start, _ in spans]
    found: list[tuple[int, str, str, str, tuple | None, bool]] = []  # position, text, kind, cue, speaker, pronoun
    quoted: list[tuple[int, int]] = []
    for match in _quote_matches(text):
        content = (match.group(1) or match.group(2)).strip().rstrip(",").strip()
        # '"Kami sudah siap," kata X, "tinggal menunggu cuaca."': the quote's second half, after
        # the attribution between its halves, is the same speaker's.
        if quoted and found and found[-1][0] == quoted[-1][0] and found[-1][2] == "direct" \
                and _SPLIT_QUOTE_JOIN.fullmatch(text, quoted[-1][1], match.start()):
            quoted.append(match.span())
            found.append((match.start(), content, "direct", found[-1][3], found[-1][4], found[-1][5]))
            continue
        quoted.append(match.span())
        after = _CUE_AFTER_QUOTE.match(text, match.end())
        if after:
            cue = after.group("cue")
            # "tegasnya", "kata dia": the speaker was named before.
            pronoun = cue.lower().endswith("nya") or _PRONOUN_AFTER.match(text, after.end()) is not None \
                or _described_speaker(text, at, after.end())
            speaker = None if pronoun else _speaker_after(text, at, after.end())
            found.append((match.start(), content, "direct", cue, speaker, pronoun))
            for partner in _joint_speakers_after(text, at, speaker):
                found.append((match.start(), content, "direct", cue, partner, False))
            continue
        # Only after a quote that ends its sentence with a comma or a mark ('"...," he said'): after
        # '"... next week."' a new sentence begins.
        named = _SPEAKER_THEN_VERB.match(text, match.end()) if english and text[match.end() - 2] in ",?!" else None
        if named:
            speaker, pronoun = _subject(text, at, named.start("cue"))
            if pronoun or (speaker is not None and speaker[_START] >= named.start("who")):
                found.append((match.start(), content, "direct", named.group("cue"), speaker, pronoun))
                continue
        before = (_ENGLISH_VERB_BEFORE_QUOTE if english else _VERB_BEFORE_QUOTE).search(
            text, max(0, match.start() - 40), match.start())
        if before:
            speaker, pronoun = _subject(text, at, before.start())
            for partner in _joint_speakers(text, at, speaker):
                found.append((match.start(), content, "direct", before.group("cue"), partner, False))
            found.append((match.start(), content, "direct", before.group("cue"), speaker, pronoun))
        elif len(quoted) > 1 and _ATTRIBUTION_THEN_QUOTE.fullmatch(text, quoted[-2][1], match.start()):
            # '"Ini bukan soal politik," ujar X. "Ini soal keadilan."': a quote with no cue of its
            # own, right after the sentence crediting the one before it, goes on in that voice.
            last = quoted[-2][0]
            found.extend([(match.start(), content, "direct", row[3], row[4], row[5])
                          for row in found if row[0] == last and row[2] == "direct"])
    # Indirect speech: the verbs of the whole text, each read within its sentence (sentences start
    # and end beside spaces or marks, so a word boundary is the same in either); "menurut" only in
    # the sentences that hold it.
    cued: dict[int, list[re.Match]] = {}
    for match in _indirect_matches(text):
        k = bisect_right(starts, match.start()) - 1
        if k >= 0 and match.end() <= spans[k][1]:
            cued.setdefault(k, []).append(match)
    according = _ACCORDING_LETTERS if english else _INDONESIAN_ACCORDING
    for letters in according:
        position = text.find(letters)
        while position >= 0:
            k = bisect_right(starts, position) - 1
            if k >= 0:
                cued.setdefault(k, [])
            position = text.find(letters, position + 1)
    for k in sorted(cued):
        sentence_start, sentence_end = spans[k]
        reported = False  # whether this sentence already reported someone's words
        for match in cued[k]:
            position = match.start()
            if _inside(quoted, position):
                continue
            rest = text[match.end() : sentence_end]
            if rest.lstrip(" ,:")[:1] in _QUOTE_OPENERS:
                continue  # 'X mengatakan, "…"' is a direct quote
            cue = match.group("cue").lower()
            warning = cue in _WARNING_CUES
            if cue in _CLAUSE_CUES and not _reports_a_clause(
                    rest, intransitive=warning or cue in _INTRANSITIVE_CUES,
                    refused=_NO_WARNING_AFTER if warning else _NO_CLAUSE_AFTER_INTRANSITIVE):
                continue  # "Microsoft mengumumkan investasi ...": a thing, not words
            # What is said follows "bahwa", unless a request holds it ("meminta agar warga tidak
            # khawatir bahwa ...": the request is what was said).
            before, that, tail = rest.partition("bahwa")
            content = (tail if that and _REQUEST.search(before) is None else rest).strip(" ,:;.")
            if cue in _ENGLISH_SPEECH_VERBS:
                if not english:
                    continue  # an English word in Indonesian copy reports nothing
                # "said that ...", "said on Monday that ...": what is said follows "that".
                head, that, tail = content.partition("that ")
                if that and (not head or (head.endswith(" ") and len(head.split()) <= 4)):
                    content = tail.strip()
                elif cue == "told":
                    continue  # "told reporters on Thursday": whom, not what
            speaker, pronoun = _subject(text, at, position)
            if pronoun and reported:
                continue  # "X mengatakan dia yakin ...": what X said, once
            if content and (speaker or pronoun):
                reported = True
                for partner in _joint_speakers(text, at, speaker):
                    found.append((position, content, "indirect", match.group("cue"), partner, False))
                found.append((position, content, "indirect", match.group("cue"), speaker, pronoun))
        sentence = text[sentence_start:sentence_end]
        for match in (_MENURUT.finditer(sentence) if any(map(sentence.__contains__, according)) else ()):
            position = sentence_start + match.start()
            if _inside(quoted, position):
                continue
            cue = match.group("cue")
            pronoun = cue.lower().endswith("nya") or cue.split()[-1].lower() in _SOURCE_PRONOUNS
            source = sentence_start + match.end()
            if pronoun:
                speaker = None
            else:
                speaker, source = _source_after_menurut(text, at, source, sentence_end)
            rest = text[source:sentence_end]
            _, comma, tail = rest.partition(",")
            if comma and tail.lstrip().startswith(_ONE_OF_WORDS):  # "Menurut Rudi, seorang pedagang, ..."
                _, comma, tail = tail.partition(",")
            content = (tail if comma else rest).strip(" ,:;.")
            if content and (speaker or pronoun):
                found.append((position, content, "indirect", cue, speaker, pronoun))
    if ", " in text:
        found.extend(_unquoted_attributions(text, at, spans, starts, found))
    if any(opener in text for opener in _ATTRIBUTION_OPENERS):  # C-level tests first: most texts credit none
        credited = _attributed_after(text, at, spans, starts, found)
        if credited:
            # "Ia menilai ... Demikian disampaikan X": the sentence after names whom "ia" stands for.
            named = {bisect_right(starts, row[0]) - 1 for row in credited}
            found = [row for row in found if row[4] is not None or not row[5]
                     or bisect_right(starts, row[0]) - 1 not in named] + credited
    quotes: list[tuple] = []
    previous: tuple | None = None
    for position, content, kind, cue, speaker, pronoun in sorted(found, key=_START_OF):
        if pronoun and speaker is None:
            # The last speaker, else the last person named before ("Presiden Joko Widodo hadir.
            # “Kami menolak,” tegasnya."): news names a speaker before it refers back to them.
            speaker = previous or at.person_before(position)
        previous = speaker or previous
        sentence_id = max(0, bisect_right(starts, position) - 1)
        if speaker:
            quotes.append((sentence_id, speaker[_ACTOR_ID], speaker[_NAME], at.role_of(speaker), content, kind, cue))
        else:
            quotes.append((sentence_id, "", "", "", content, kind, cue))
    return quotes


def _unquoted_attributions(text: str, mentions: _Mentions, spans: Sequence[tuple[int, int]], starts: Sequence[int],
                           found: Sequence[tuple]) -> list[tuple]:
    """Statements credited by an attribution set off by a comma, without quotation marks (see
    :data:`_UNQUOTED_CUE`), as ``found`` rows; a sentence that holds a quotation mark or already
    reports someone's words is left to those readings."""
    rows: list[tuple] = []
    reported = {bisect_right(starts, row[0]) - 1 for row in found}
    # One regex scan: its literal ", " is searched for in C (about 4 µs a 3 KB article; a
    # str.find per cue cost six times as much).
    for match in _UNQUOTED_CUE.finditer(text):
        k = bisect_right(starts, match.start()) - 1
        if k < 0 or k in reported:
            continue
        sentence_start, sentence_end = spans[k]
        if match.end() > sentence_end or any(mark in text[sentence_start:sentence_end] for mark in _QUOTE_OPENERS):
            continue
        said = text[sentence_start:match.start()].strip()
        if len(said.split()) < 2:
            continue
        cue = match.group("cue")
        pronoun = cue.endswith("nya") or _PRONOUN_AFTER.match(text, match.end()) is not None
        speaker = None if pronoun else _speaker_after(text, mentions, match.end(), limit=sentence_end)
        if speaker is None and not pronoun:
            continue
        # "Kasus ini, kata Kapolres, masih didalami": what is said goes on after the attribution.
        after = match.end() if pronoun else speaker[_END]
        rest = text[after:sentence_end].lstrip(" )")
        if rest.startswith(","):
            said = f"{said} {rest[1:].strip(' ,.;')}"
        rows.append((sentence_start, said, "indirect", cue, speaker, pronoun))
        reported.add(k)
    return rows


# A statement credited in the next sentence: "Hal itu disampaikan Bupati Bogor Rudy Susmanto saat
# meninjau ...", "Demikian dikatakan ...".
_ATTRIBUTION_OPENERS = ("Hal ", "Pernyataan ", "Penjelasan ", "Keterangan ", "Demikian ")
_ATTRIBUTED = re.compile(r"\b(?:(?:Hal|Pernyataan|Penjelasan|Keterangan)\s+(?:itu|tersebut|ini)|Demikian)\s+"
                         r"(?P<cue>di(?:sampaikan|katakan|ungkapkan|jelaskan|tegaskan|utarakan|paparkan|kemukakan))"
                         r"\b(?:\s+oleh)?")


def _attribution_matches(text: str) -> list[re.Match]:
    """:data:`_ATTRIBUTED`'s matches in text order, tried only where an opening word stands (the
    regex scanning the whole text cost about 50 µs an article)."""
    found = []
    for word in _ATTRIBUTION_WORDS:
        position = text.find(word)
        while position >= 0:
            match = _ATTRIBUTED.match(text, position)  # its \b reads the character before position
            if match is not None:
                found.append(match)
            position = text.find(word, position + 1)
    return sorted(found, key=_MATCH_START) if len(found) > 1 else found


_ATTRIBUTION_WORDS = tuple(opener.strip() for opener in _ATTRIBUTION_OPENERS)
_MATCH_START = operator.methodcaller("start")


def _attributed_after(text: str, mentions: _Mentions, spans: Sequence[tuple[int, int]], starts: Sequence[int],
                      found: Sequence[tuple]) -> list[tuple]:
    """The sentences credited by the sentence after them (``found`` rows: position, text, kind,
    cue, speaker, pronoun); a sentence already quoting someone it names is left as it is."""
    credited = []
    for match in _attribution_matches(text):
        k = bisect_right(starts, match.start()) - 1
        if k < 1:
            continue
        before_start, before_end = spans[k - 1]
        if any(before_start <= row[0] < before_end and (row[4] is not None or not row[5]) for row in found):
            continue  # a sentence that names its speaker (a pronoun's is named here)
        speaker = _speaker_after(text, mentions, match.end(), limit=spans[k][1])
        if speaker is not None and speaker[_TYPE] == "LOC" and speaker[_SUBTYPE] != "country":
            speaker = None  # "Hal itu disampaikan di Gedung Kejaksaan Agung, Jakarta": where, not who
        content = text[before_start:before_end].strip(" ,:;.\n")
        if speaker is not None and content:
            credited.append((before_start, content, "indirect", match.group("cue"), speaker, False))
    return credited


# --- passes -------------------------------------------------------------------------------


def _claim(owner: list[int], candidates: list[_Candidate], candidate: _Candidate) -> None:
    """Add ``candidate``, removing the ones it covers (it must not partly overlap another)."""
    for k in range(candidate.first, candidate.last):
        if owner[k] >= 0:
            candidates[owner[k]] = None  # type: ignore[call-overload]
    index = len(candidates)
    candidates.append(candidate)
    for k in range(candidate.first, candidate.last):
        owner[k] = index


class _AliasConfidence(dict):
    """Confidence of a gazetteer alias, memoised: short acronyms ("AS", "MA", "BI") are the most ambiguous."""

    def __missing__(self, alias: str) -> float:
        self[alias] = confidence = _ACRONYM_CONFIDENCE if len(alias) <= 3 and alias.isupper() else 0.95
        return confidence


_ACRONYM_CONFIDENCE = 0.8



_ALIAS_CONFIDENCE = _AliasConfidence()


def _is_capitalised(tokens: Tokens, k: int) -> bool:
    first = tokens.words[k][0]
    return first.isupper() or (first.isdigit() and not tokens.keys[k].isdigit())


def _free_name_word_before(tokens: Tokens, owner: Sequence[int], k: int) -> bool:
    """Whether the word at ``k``, right before a known name, is a name word no candidate holds."""
    return k >= 0 and owner[k] < 0 and tokens.joined[k] and _name_word(tokens, k) and not _dash_after(tokens, k)


def _free_given_name(tokens: Tokens, owner: Sequence[int], k: int) -> bool:
    """Whether the word at ``k`` opens a longer name around a known one-word alias: a free name
    word that is no dictionary word opening a sentence and never a name alone."""
    return (_free_name_word_before(tokens, owner, k) and not _no_person_alone(tokens.keys[k])
            and not (_sentence_initial(tokens, k) and is_common_word(tokens.keys[k])))


def _surname_rule(tokens: Tokens, owner: list[int], candidates: list[_Candidate], gazetteer, options) -> None:
    """``Demitry Peskov``, ``Hunter Biden``: an unknown given name before a known surname is one new name.

    The merged span has no entry, so resolution fuzzy-matches it (Demitry Peskov → Dmitry Peskov)
    or keeps it as a person of its own (Hunter Biden is not Joe Biden).
    """
    # Only one-word persons are read, hyphenated ones too ("Jean-Pierre Raffarin"): candidates never
    # change, so the test can come first; a claim below may remove one later in the list, hence
    # the test for None at its turn.
    text, ends = tokens.text, tokens.ends
    for index in [index for index, candidate in enumerate(candidates)
                  if candidate is not None and candidate.type == "PER"
                  and (candidate.last - candidate.first == 1
                       # the character after the first word first: most names are not hyphenated
                       or (text[ends[candidate.first]] == "-" and _hyphenated(tokens, candidate.first, candidate.last)))]:
        candidate = candidates[index]
        if candidate is None:
            continue
        # "Airlangga Pribadi Kusman": a known one-word alias followed by more name words is someone else.
        last = candidate.last
        # An acronym is no given name: "Kantor Transisi Jokowi-JK Akbar Faizal" names Akbar Faizal.
        acronym = tokens.words[candidate.first].isupper()
        while (not acronym and last < len(tokens.words) and tokens.joined[last - 1] and owner[last] < 0
               and _name_word(tokens, last) and not _dash_after(tokens, last - 1)):
            last += 1
        if last > candidate.last and _holds_unknown_word(tokens, candidate.last, last):
            first = candidate.first
            if _free_given_name(tokens, owner, first - 1):
                first -= 1  # "Muhammad Tito Andrianto": the word before is the new name's too
            surface = tokens.text[tokens.starts[first] : tokens.ends[last - 1]]
            entry, resolution = _fuzzy_entry(surface, "PER", gazetteer, options)
            _claim(owner, candidates, _Candidate(first, last, "PER", "rule", 0.7, entry, resolution=resolution))
            continue
        partner = _dashed_partner(tokens, owner, candidate.last)
        if partner is not None:
            entry, resolution = _fuzzy_entry(tokens.words[partner], "PER", gazetteer, options)
            _claim(owner, candidates,
                   _Candidate(partner, partner + 1, "PER", "rule", 0.5, entry, resolution=resolution))
        k = candidate.first - 1
        if not _free_name_word_before(tokens, owner, k):
            continue
        surface = tokens.text[tokens.starts[k] : tokens.ends[candidate.last - 1]]
        entry, resolution = _fuzzy_entry(surface, "PER", gazetteer, options)
        # A dictionary word opening a sentence ("Dimana Kirby", "Kunjungan Putin") or one that is
        # never a name alone ("Tim Transisi Jokowi", "Koalisi Prabowo") is no given name unless it
        # spells the known one; another word opening one is ("Justin Kluivert mencetak gol").
        if entry is None and ((_sentence_initial(tokens, k) and is_common_word(tokens.keys[k]))
                              or _no_person_alone(tokens.keys[k])):
            continue
        _claim(owner, candidates, _Candidate(k, candidate.last, "PER", "rule", 0.7, entry, resolution=resolution))


def _given_name_places(tokens: Tokens, owner: list[int], candidates: list[_Candidate | None], gazetteer,
                       options) -> None:
    """A place's one-word name that is a given name too, with one name-shaped word after it or a
    name word before it, is part of a person's name ("Marshall Allman lahir di Texas", "Darwin
    Nunez", "Hotman Paris Hutapea"); after an office, or before more name words, a known name or a
    dictionary word it stays the place ("Perdana Menteri Israel Ehud Olmert", "Israel Palestina",
    "Paris Selatan")."""
    keys, n = tokens.keys, len(tokens.words)
    for index in [index for index, candidate in enumerate(candidates)
                  if candidate is not None and candidate.type == "LOC" and candidate.last - candidate.first == 1
                  and keys[candidate.first] in _GIVEN_NAME_PLACES]:
        candidate = candidates[index]
        first, last = candidate.first, candidate.last
        # After an office the place is the office's ("Perdana Menteri Israel Ehud Olmert"); a rank
        # is a person's alone ("Kompol Danang Yudanto").
        if first > 0 and keys[first - 1] in PORTFOLIO_WORDS and keys[first - 1] not in RANKS:
            continue
        if first > 0 and _free_name_word(tokens, owner, first - 1):
            # Inside a name: "Hotman Paris Hutapea", with the word after it if it is one too.
            first -= 1
            if last < n and _free_name_word(tokens, owner, last, after=True):
                last += 1
            if not _name_shaped(tokens.text, tokens, first, last, known=candidate.first):
                continue
        elif (last < n and _free_name_word(tokens, owner, last, after=True)
              and _name_shaped(tokens.text, tokens, first, last + 1, known=first)
              # One word after it: a longer run is more often the place, then a person ("Israel Ehud Olmert").
              and not (last + 1 < n and tokens.joined[last] and _name_word(tokens, last + 1))):
            last += 1
        else:
            continue
        surface = tokens.text[tokens.starts[first] : tokens.ends[last - 1]]
        entry, resolution = _fuzzy_entry(surface, "PER", gazetteer, options)
        _claim(owner, candidates, _Candidate(first, last, "PER", "rule", 0.7, entry, resolution=resolution))


def _free_name_word(tokens: Tokens, owner: Sequence[int], k: int, *, after: bool = False) -> bool:
    """Whether ``tokens[k]`` is an unclaimed name word joined by a plain space to the word after it,
    or with ``after`` to the word before it (it comes after that one)."""
    joint = k - 1 if after else k
    return tokens.joined[joint] and owner[k] < 0 and _name_word(tokens, k) and not _dash_after(tokens, joint)


def _hyphenated(tokens: Tokens, first: int, last: int) -> bool:
    """Whether the tokens ``[first, last)`` are one hyphenated word ("Jean-Pierre")."""
    text, starts, ends = tokens.text, tokens.starts, tokens.ends
    return all(text[ends[k] : starts[k + 1]] == "-" for k in range(first, last - 1))


def _holds_unknown_word(tokens: Tokens, first: int, last: int) -> bool:
    """Whether a word of ``[first, last)`` is no dictionary word: words that extend a known name hold
    one ("Airlangga Pribadi Kusman"); a Title Case headline's words after a name need not ("Jokowi
    Terima Kunjungan")."""
    return not all(map(is_common_word, tokens.keys[first:last]))


def _dictionary_word(key: str) -> bool:
    """Whether a word is a dictionary word that is no given name ("Terima", not "Budi")."""
    return key not in GIVEN_NAME_WORDS and is_common_word(key)


def _dictionary_run(tokens: Tokens, first: int, last: int) -> bool:
    """Whether most words of ``[first, last)``, and at least two, are dictionary words that are no
    given name: a Title Case headline after an office ("Gubernur Terima Audiensi Asosiasi Pengusaha
    Hotel", "Guru Honorer Belum Terima Gaji"), not a name ("Menteri Budi Karya Sumadi", nor one
    with a name's particle inside: "Perdana Menteri Nuri al-Maliki")."""
    keys = tokens.keys
    common = sum(1 for key in keys[first:last] if _dictionary_word(key))
    return (common >= 2 and 2 * common > last - first
            and NAME_PARTICLES.isdisjoint(keys[first + 1 : last - 1]))


# Offices held in a body that is named right after them ("Dirut Garuda", "Ketua Gerindra").
_BODY_OFFICES = frozenset("dirut direktur presdir presdirut komut komisaris ceo cfo coo cto founder cofounder "
                          "pendiri bos ketua ketum sekjen".split())


# Words that end a firm's or an institute's name: a name after one is its officer's ("Analis Doo
# Financial Futures Lukman Leong", "Kepala Riset Praus Capital Alfred Nainggolan", "Direktur
# Eksekutif Indonesia Political Opinion Dedi Kurnia Syah").
_FIRM_WORDS = frozenset("""
futures berjangka sekuritas securities capital kapital asset aset investama investment management research
institute consulting advisory partners group holdings opinion
""".split())


# English words of an analyst's desk, before the firm's name: "Head of Equity Research Bahana
# Sekuritas ...", "Senior Investment Information Mirae Asset Sekuritas ...", "Research Analyst ...".
_DESK_WORDS = frozenset("""
head chief senior junior equity equities investment information research analyst analysts economist strategist
market markets fixed income of
""".split())


def _after_desk_words(keys: Sequence[str], first: int, last: int) -> int:
    """Where a firm's name starts in ``[first, last)``, after the English words of a desk (``_DESK_WORDS``)."""
    while first < last and keys[first] in _DESK_WORDS:
        first += 1
    return first


def _after_firm_words(text: str, tokens: Tokens, first: int, last: int) -> int:
    """Where the officer's name starts in a run ``[first, last)`` that names a firm and then its
    officer: after the firm's last word of ``_FIRM_WORDS`` when two or three name-shaped words
    follow; ``first`` when the run is not so."""
    for holder in (last - 2, last - 3):
        # One dictionary word may be in the name ("Nafan Aji Gusta"): the firm's word says an officer follows.
        if holder > first and tokens.keys[holder - 1] in _FIRM_WORDS and _name_shaped(text, tokens, holder, last,
                                                                                    dictionary_words=1):
            return holder
    return first


# The parts of a region named after its place: "Regional Jawa Bagian Barat".
_COMPASS_POINTS = frozenset("utara selatan timur barat tengah tenggara timurlaut baratdaya".split())


def _firm_opening_after_office(tokens: Tokens, owner: Sequence[int], candidates: Sequence[_Candidate],
                               k: int) -> int:
    """Where a firm's name opens, for the run at ``k`` after an office: ``k`` after an office in
    lower case ("kata analis Mirae Asset Sekuritas Nafan Aji Gusta") or in English ("Head of"),
    a known place's first word where one stands between the office and the run ("Direktur
    Eksekutif Indonesia Political Opinion Dedi Kurnia Syah"); -1 where no office stands before."""
    keys = tokens.keys
    if k == 0:
        return -1
    if keys[k - 1] in ROLE_HEADS or (keys[k - 1] == "of" and k >= 2 and keys[k - 2] in ROLE_HEADS):
        return k  # "... kata Head of Equity Research Bahana Sekuritas Satria Sambijantoro"
    place = candidates[owner[k - 1]] if owner[k - 1] >= 0 and tokens.joined[k - 1] else None
    if (place is not None and place.type == "LOC" and place.last == k and place.first > 0
            and (keys[place.first - 1] in ROLE_HEADS or keys[place.first - 1] in ROLE_WORDS)):
        return place.first
    return -1


def _body_before_holder(tokens: Tokens, first: int) -> bool:
    """Whether the word at ``first``, right after an office held in a body, is the body's one-word
    short name that is a dictionary word ("Dirut Garuda Emirsyah Satar", "Dirut Merpati ..."): a
    plain name word that is no dictionary word follows it. A headline after an office opens with a
    verb that a dictionary word follows ("Gubernur Terima Audiensi ...")."""
    keys, words = tokens.keys, tokens.words
    office = first - 1 - (first >= 2 and keys[first - 1] == "utama")  # "Direktur Utama Garuda Wamildan ..."
    return (keys[office] in _BODY_OFFICES and _dictionary_word(keys[first])
            and keys[first] not in TITLES and keys[first] not in OCCUPATIONS
            and words[first + 1].isalpha() and not words[first + 1].isupper()
            and not is_common_word(keys[first + 1]) and keys[first + 1] not in NOT_NAMES)


def _dashed_partner(tokens: Tokens, owner: Sequence[int], k: int) -> int | None:
    """The index of a one-word name that a dash pairs with the known person ending before ``k``
    ("Prabowo-Hatta", "Jokowi - Kalla"), if there is one and no more name words follow it."""
    n = len(tokens.words)
    if not (k < n and tokens.joined[k - 1] and _dash_after(tokens, k - 1) and owner[k] < 0 and _name_word(tokens, k)):
        return None
    if k + 1 < n and tokens.joined[k] and owner[k + 1] < 0 and _name_word(tokens, k + 1) and not _dash_after(tokens, k):
        return None  # "Jokowi-Ma'ruf Amin" would need the whole name: left to other rules
    # No cue backs the partner: a dictionary word is no name here ("Jokowi-Pemerintah").
    return None if _no_person_alone(tokens.keys[k]) or is_common_word(tokens.keys[k]) else k


def _dash_after(tokens: Tokens, k: int) -> bool:
    """Whether a dash stands between ``tokens[k]`` and the next word: "Prabowo-Hatta" and
    "Jokowi - Kalla" pair two people (a ticket, a cabinet), they are no one's full name."""
    gap = tokens.text[tokens.ends[k] : tokens.starts[k + 1]]
    return gap != " " and ("-" in gap or "–" in gap or "—" in gap)


_DASHES = ("-", "\u2013", "\u2014")


def _spaced_dash_after(tokens: Tokens, k: int) -> bool:
    """Whether a dash with a space beside it parts ``tokens[k]`` from the next word, two names of
    two letters or more: "Syaifuddin - Tatang Farhanul Hakim" pairs two people (a ticket); no one's
    name holds one, while a bare hyphen may ("Jean-Pierre", "Nilsson-wright"). Not after a name's
    particle ("Abd al - Munim") or a single letter ("T - Five"), nor before a word in lower case
    ("Choi Si - won"): text split into tokens, as the NER sets are, spaces every hyphen."""
    gap = tokens.text[tokens.ends[k] : tokens.starts[k + 1]]
    return (len(gap) > 1 and gap.strip() in _DASHES and len(tokens.words[k]) > 1 and len(tokens.words[k + 1]) > 1
            and tokens.words[k + 1][0].isupper() and tokens.keys[k] not in NAME_PARTICLES)


def _name_word(tokens: Tokens, k: int) -> bool:
    """Whether ``tokens[k]`` may be part of a person's name: capitalised, not an acronym, an office or a day."""
    word, key = tokens.words[k], tokens.keys[k]
    return word[0].isupper() and not word.isupper() and key not in PORTFOLIO_WORDS and key not in NOT_NAMES


_NAMES_BEFORE_HAKIM = frozenset("abdul abdoel abd lukman luqman nur".split())


def _hakim_is_a_name(keys: list[str], j: int, first: int, last: int) -> bool:
    """Whether "Hakim" at ``keys[j]`` is a name, not a judge: after the names it completes ("Abdul
    Hakim", "Lukman Hakim"), or closing a run after a name ("Bupati Indramayu Lucky Hakim"); a
    judge's office comes before the name ("Hakim Eko Aryanto", "Ketua Majelis Hakim")."""
    if j == 0:
        return False
    before = keys[j - 1]
    return before in _NAMES_BEFORE_HAKIM or (
        first < j == last - 1 and before != "majelis" and before not in ROLE_HEADS
        and before not in RANKS and before not in TITLES)


def _after_offices(tokens: Tokens, first: int, last: int, keep: frozenset[str] = frozenset()) -> int:
    """Where a person's name starts in ``[first, last)``: after the last rank, title or office word
    ("Metro Jaya Irjen Karyoto" → "Karyoto"); ``last`` when the run ends with one. Words in
    ``keep`` stay in the name."""
    keys = tokens.keys
    offices = [j for j in range(first, last)
               if (keys[j] in ROLE_HEADS or keys[j] in RANKS or keys[j] in TITLES) and keys[j] not in keep
               # "Perdana" is an office only before "Menteri": elsewhere a name ("Aditya Perdana").
               and (keys[j] != "perdana" or (j + 1 < len(keys) and keys[j + 1] == "menteri"))
               and (keys[j] != "hakim" or not _hakim_is_a_name(keys, j, first, last))]
    return offices[-1] + 1 if offices else first


# Words that only a name follows: titles, and "Dokter" (an occupation may be followed by its team
# or firm: "Pembalap Ducati Francesco Bagnaia").
_BEFORE_NAMES = TITLES | {"dokter"}
# Heads of a government or an area, whose area follows them: a name after that area is the holder's.
_AREA_HEAD_OFFICES = frozenset("bupati wabup gubernur wagub walkot camat lurah kades sekda".split())


def _after_office_and_area(tokens: Tokens, owner: Sequence[int], candidates: Sequence[_Candidate | None],
                           k: int) -> bool:
    """Whether a known place right before ``tokens[k]`` follows the office of its head, or a known
    body an office in it: "Gubernur Jawa Tengah | Luthfi", "Wali Kota Jakarta Timur | Munjirin"
    (whose place the gazetteer reads as "Kota Jakarta Timur"), "Juru bicara MA | Yanto"."""
    area = candidates[owner[k - 1]] if k > 0 and owner[k - 1] >= 0 else None
    # A known name, or one a rule made of known parts ("Komisi V DPR").
    if area is None or (area.method != "gazetteer" and area.entry is None) or area.first == 0:
        return False
    body = candidates[owner[area.first - 1]] if owner[area.first - 1] >= 0 and tokens.joined[area.first - 1] else None
    if area.type == "LOC" and body is not None and body.type == "ORG" and body.method == "gazetteer" \
            and body.first > 0:
        area = body  # a body and its country: "Juru Kampanye Greenpeace Indonesia | Sekar Banjaran Aji"
    keys, office = tokens.keys, area.first - 1
    if area.type == "ORG":  # a body's officer: "Juru bicara MA Yanto", "Ketua KPU Afifuddin"
        if keys[office] in ROLE_HEADS or keys[office] == "bicara":
            return True
        # After an office of more words or its short form ("Kepala Pelaksana BPBD Garut Satriyadi",
        # "Ketua Komisi V DPR Lasarus"), where the word is no initial and names no known place:
        # "Ketua Umum PKB Indonesia adalah ..." names no one.
        return len(keys[k]) >= 3 and _office_before_body(tokens, area.first) and not _known_place_word(keys[k])
    return area.type == "LOC" and (
        keys[office] in _AREA_HEAD_OFFICES or (keys[office] == "wali" and keys[area.first] == "kota")
        or (keys[office] == "kota" and office > 0 and keys[office - 1] == "wali"))


def _sentence_initial(tokens: Tokens, k: int) -> bool:
    if k == 0:
        return True
    gap = tokens.text[tokens.ends[k - 1] : tokens.starts[k]]
    return any(mark in gap for mark in ".!?\n\"“”:")


def _organisation_rule(tokens: Tokens, owner: list[int], candidates: list[_Candidate], heads: Sequence[int]) -> None:
    """``Kementerian Luar Negeri Korea Selatan``: a head word (at ``heads``, the capitalised words
    of ``_ORG_RULE_HEADS``), then capitalised words and places."""
    n, keys, resume = len(tokens.words), tokens.keys, 0
    for k in heads:
        if k < resume or owner[k] >= 0 or not tokens.joined[k]:
            continue
        last = k + 1
        # After an office, the body's name ends with its place: "Kepala Dinas Kesehatan DKI Jakarta
        # Ani Ruspitawati" names the body, then its head.
        office_before = _office_before(tokens, k)
        while last < n and tokens.joined[last - 1]:
            held = candidates[owner[last]] if owner[last] >= 0 else None
            if held is not None and held.type == "LOC" and held.first == last:
                last = held.last
                if office_before:
                    break
            elif held is None and ((_is_capitalised(tokens, last) and not _headline_word(tokens, last)) or (
                    (keys[k] in _NUMBERED_HEADS or keys[last - 1] == "negeri")
                    and keys[last].isdigit() and len(keys[last]) <= 3)):
                last += 1
            elif (held is None and tokens.keys[last] in ("dan", "&") and last + 1 < n and tokens.joined[last]
                  and owner[last + 1] < 0 and _is_capitalised(tokens, last + 1)
                  and tokens.keys[last + 1] not in _SECOND_BODY_HEADS):  # "SMA Negeri 2 dan SMK Negeri 1": two
                last += 2
            else:
                break
        if office_before and last - k >= 4 and keys[k] not in _NAMED_AFTER_PEOPLE:
            last = _before_holder_name(tokens, k, last)
        if last > k + 1:
            first = k
            if k > 0 and (keys[k - 1], keys[k]) in _TWO_WORD_HEADS and tokens.joined[k - 1] \
                    and owner[k - 1] < 0 and _is_capitalised(tokens, k - 1):
                first = k - 1  # "Pondok Pesantren Lirboyo": the head has a word before it
            # "Rumah Susun Marunda" is a place, "Rumah Sakit Sardjito" a body; a two-word head
            # alone is none ("di Balai Kota", "ke Rumah Sakit").
            type_ = _TWO_WORD_HEADS.get((keys[first], keys[first + 1]))
            if type_ is None or last > first + 2:
                _claim(owner, candidates, _Candidate(first, last, type_ or "ORG", "rule", 0.7))
        resume = last


# Bodies often named after a person ("Rumah Sakit Hasan Sadikin", "Universitas Gadjah Mada").
_NAMED_AFTER_PEOPLE = frozenset("rumah rs rsud universitas univ institut yayasan sekolah fakultas".split())


def _officer_after_body(tokens: Tokens, first: int, last: int) -> bool:
    """Whether ``[first, last)``, right after a known body, is its officer's name: one name word
    that no capitalised word follows (a dictionary word too before a word in lower case, which no
    title-case heading has: "Kejari Surabaya Darwis usai sidang"; "ASEAN Tiongkok Center Ma
    Mingqiang" goes on), or two or three name-shaped words."""
    if last - first == 1:
        after = tokens.words[last] if last < len(tokens.words) and tokens.joined[first] else ""
        return _name_word(tokens, first) and not after[:1].isupper() and (
            not _dictionary_word(tokens.keys[first]) or after[:1].islower())
    return 2 <= last - first <= 3 and _name_shaped(tokens.text, tokens, first, last, dictionary_words=2)


def _known_place_word(key: str) -> bool:
    """Whether ``key`` is a one-word name of a place the gazetteer knows ("indonesia")."""
    known = load_gazetteer(tuple(settings()["watchlists"])).single.get(key)
    return known is not None and known[0].type == "LOC"


def _office_before_body(tokens: Tokens, body: int) -> bool:
    """Whether an office stands before a known body at ``body``: "Juru bicara MA", "Kepala
    Pelaksana BPBD Garut", "Jaksa Penuntut Umum (JPU) Kejari Surabaya" (its short form between)."""
    keys = tokens.keys
    if keys[body - 1] in ROLE_HEADS or keys[body - 1] == "bicara" or _office_before(tokens, body):
        return True
    short = body - 1
    return (short >= 1 and tokens.words[short].isupper() and _bracketed_short_form(tokens.text, tokens, short, body)
            and (keys[short - 1] in ROLE_HEADS or _office_before(tokens, short - 1)))


def _office_before(tokens: Tokens, head: int) -> bool:
    """Whether an office stands right before a body's head ("Kepala Dinas", "kepala Dinas") or
    opens the capitalised words before it ("Kepala Bidang Peternakan Dinas")."""
    keys, words, k = tokens.keys, tokens.words, head - 1
    if k >= 0 and keys[k] in ROLE_HEADS:
        return True
    while k >= 0 and head - k <= 4 and tokens.joined[k] and words[k][0].isupper():
        if keys[k] in ROLE_HEADS:
            return True
        k -= 1
    return False


def _before_holder_name(tokens: Tokens, head: int, last: int) -> int:
    """Where a body's name read after an office ends when its holder's name follows with no place
    between: "Kepala Dinas Pertanian dan Peternakan Diah Ningrum" -> before "Diah". The holder's
    name is the run's last two or three words, name-shaped, after a dictionary word (a portfolio's
    words are; a body's own name, "Universitas Trisakti", is not), after a firm's listing ("Tbk")
    or after a firm's one-word name.
    ``last`` when there is none."""
    for first in (last - 3, last - 2):
        # A firm's name may be one word of its own ("Direktur Utama PT Transjakarta Welfizon Yuza").
        if first >= head + 2 and (_dictionary_word(tokens.keys[first - 1]) or tokens.keys[first - 1] in FIRM_SUFFIXES
                                  or (first == head + 2 and tokens.keys[head] in _FIRM_HEADS)) \
                and _name_shaped(tokens.text, tokens, first, last):
            return first
    for first in (last - 3, last - 2):
        # A prison's, an immigration office's class, then its place's one word, then the holder
        # ("Kepala Lembaga Pemasyarakatan Kelas I Cipinang Wachid Wibowo").
        if first >= head + 4 and _classed_body(tokens.keys, first - 1) \
                and _name_shaped(tokens.text, tokens, first, last, dictionary_words=1):
            return first
    for first in (last - 3, last - 2):
        # A body's name may end in its short form, the holder's name after it, which one dictionary
        # word may be in ("Direktur Lembaga Riset Siber CISSReC Pratama Persadha").
        if first >= head + 2 and _short_form(tokens.words[first - 1]) \
                and _name_shaped(tokens.text, tokens, first, last, dictionary_words=1):
            return first
    return last


# The classes of prisons, immigration and port offices: "Lapas Kelas IIA", "Kantor Imigrasi Kelas I".
_CLASS_NUMERALS = frozenset("i ii iia iib iii".split())
_CLASSED_BODIES = frozenset("lapas rutan lpka bapas pemasyarakatan imigrasi kanim ksop kesyahbandaran bandara".split())


def _classed_body(keys: Sequence[str], place: int) -> bool:
    """Whether the word at ``place`` follows a body's class ("Lapas Kelas IIA | Bogor"); a school's
    class ("siswa kelas II") is none."""
    return (place >= 3 and keys[place - 1] in _CLASS_NUMERALS and keys[place - 2] == "kelas"
            and keys[place - 3] in _CLASSED_BODIES)


def _short_form(word: str) -> bool:
    """Whether ``word`` is a body's short form: three letters or more, two capitals or more ("INDEF", "CISSReC")."""
    return len(word) >= 3 and word.isalpha() and word[0].isupper() and sum(map(str.isupper, word)) >= 2


# Heads of a firm's legal form, before its name: "PT Pertamina", "Perum Bulog", "Perumda Pasar Jaya".
_FIRM_HEADS = frozenset("pt cv perum perumda".split())


def _lower_case_heads(keys: Sequence[str], words: Sequence[str], heads: frozenset[str]) -> list[int]:
    """Indices of the words in lower case whose key is in ``heads`` and that a capitalised word
    follows ("di kecamatan Sukasada"): _place_rule's heads besides the capitalised ones
    (``warta._tokens`` compiles this filter)."""
    return [k for k in compress(range(len(keys) - 1), map(heads.__contains__, keys))
            if words[k][0].islower() and words[k + 1][0].isupper()]


def _place_rule(tokens: Tokens, owner: list[int], candidates: list[_Candidate], heads: Sequence[int]) -> None:
    """``Kecamatan Porong``, ``Sungai Brantas``, ``Jalan Sudirman``: a place word (at ``heads``, the
    words of ``PLACE_HEADS``, capitalised or in lower case before a capitalised word), then up to four
    capitalised words that are no office, title or date (the tagger finds these in full runs).
    A street's, an airport's or a stadium's name takes offices, titles and known persons too
    ("Jalan Jenderal Gatot Subroto", "Bandara Sultan Hasanuddin")."""
    n, keys, joined = len(tokens.words), tokens.keys, tokens.joined
    for k in heads:
        if owner[k] >= 0 or not joined[k]:
            continue
        last = k + 1
        held = candidates[owner[last]] if last < n and owner[last] >= 0 else None
        venue = None
        if held is not None and held.first == last and ((held.type == "LOC" and keys[k] in _NAMING_PLACE_HEADS)
                                                        or (held.type == "ORG" and keys[k] in _VENUE_HEADS)):
            # "Kelurahan Menteng", "Stasiun Bandung": a place named after another; "Gedung DPR": a
            # body's building is a place, where the body need not be acting.
            last = held.last
            venue = held if held.type == "ORG" else None
        after_people = keys[k] in _NAMED_AFTER_PEOPLE_HEADS
        # "Wali Kota" is an office: in a headline its next word is read as any other ("Wali Kota Lantik ...").
        mayor = k > 0 and keys[k] == "kota" and keys[k - 1] == "wali"
        # A toll road's "tol" belongs to its head in any case: "Jalan tol Cipularang ambles".
        toll = keys[k] == "jalan" and last < n and last == k + 1 and keys[last] == "tol" and joined[last]
        if toll:
            last += 1
        sponsored = False
        while last < n and last - k <= 4 and joined[last - 1]:
            if owner[last] >= 0:
                held = candidates[owner[last]]
                if keys[k] in _VENUE_HEADS and held.type == "ORG" and held.first == last and last > k + 1:
                    last = held.last  # a body's building named, then the body: "Gedung Merah Putih KPK"
                    break
                # A venue named after its sponsor, then its place: "Sirkuit Pertamina Mandalika".
                sponsor = keys[k] in _SPONSORED_HEADS and held.first == last and (
                    (held.type == "ORG" and last == k + 1) or (held.type == "LOC" and sponsored))
                sponsored = sponsor and held.type == "ORG"
                # "Jalan Soekarno-Hatta", "jl. Ahmad Yani": the person a street is named after is the
                # street (a place after its first word is a place of its own: "Jalan Thamrin Jakarta").
                if not sponsor and not (after_people and held.first == last
                        and (held.type == "PER" or (held.type == "LOC" and last == k + 1)
                             or (held.type == "ORG" and keys[last] == _GROUND_WORD)
                             or (held.type == "LOC" and keys[last - 1] == _GROUND_WORD))):
                    break
                last = held.last
            elif (_is_capitalised(tokens, last)
                  and (keys[last] not in (_NOT_IN_STREET_NAMES if after_people else _NOT_IN_PLACE_NAMES)
                       # "Sumber" (a portfolio word, "Sumber Daya") opens many villages' names: "Desa Sumber Rejo".
                       or (last == k + 1 and keys[k] in _LISTED_PLACE_HEADS and keys[last] == "sumber"))
                  and not _affixed_verb(keys[last])
                  # The first word after the head is read as a name even in a headline: place names
                  # are dictionary roots too ("Kampung Melayu").
                  and ((last == k + 1 and not mayor) or not _headline_word(tokens, last))):
                last += 1
            else:
                break
        if k > 0 and keys[k - 1] in ROLE_HEADS and (
                last - k > 3 or (last - k == 3 and last < n and keys[last] in NAME_PARTICLES)):
            last = k + 2  # "Kepala Desa Sukamaju Ahmad Yani", "Kepala Desa Kohod Arsin bin Asip": the village, then its head
        if last > k + 1 + toll:
            entry = _venue_entry(keys[k], venue.entry) if venue is not None and venue.last == last else None
            _claim(owner, candidates, _Candidate(k, last, "LOC", "rule", 0.7, entry))


_VENUE_NAMES = {"gedung": "Gedung ", "rutan": "Rutan "}


def composed_name(name: str, gazetteer) -> str | None:
    """The name the mentions table gives a known body's building or commission written ``name``
    ("Gedung DPR RI" is "Gedung Dewan Perwakilan Rakyat", "Komisi III DPR" "Komisi III Dewan
    Perwakilan Rakyat"), or None where ``name`` names neither."""
    head, _, body = name.partition(" ")
    if head.lower() == "komisi":
        number, _, body = body.partition(" ")
        if number.lower() not in _COMMISSION_NUMBERS:
            return None
    elif head.lower() not in _VENUE_HEADS:
        return None
    known = gazetteer.index.get(alias_key(body)) if body else None
    if known is None or known[0].type != "ORG":
        return None
    if head.lower() == "komisi":
        return _commission_name(number, known[0]) if known[0].name.startswith(_COUNCILS) else None
    venue = _venue_entry(head.lower(), known[0])
    return venue.name if venue is not None else None


# English place heads and the Indonesian ones they stand for: after the name ("Cisadane River") or before it.
_ENGLISH_PLACE_HEADS_AFTER = {"river": "Sungai", "island": "Pulau", "strait": "Selat"}
_ENGLISH_PLACE_HEADS_BEFORE = {"mount": "Gunung", "lake": "Danau"}


def _english_place_heads(tokens: Tokens, owner: list[int], candidates: list[_Candidate | None]) -> None:
    """English copy's rivers, islands, straits, mountains and lakes the gazetteer does not know
    ("Cisadane River", "Mount Lokon") are places, named the Indonesian way ("Sungai Cisadane",
    "Gunung Lokon") so that the coverage in either language counts one actor."""
    keys, words, joined, n = tokens.keys, tokens.words, tokens.joined, len(tokens.keys)

    def name_word(k: int) -> bool:
        return owner[k] < 0 and words[k][0].isupper() and keys[k] not in _ENGLISH_TITLE_WORDS

    for k in range(n):
        key = keys[k]
        if owner[k] >= 0 or not words[k][0].isupper():
            continue
        if key in _ENGLISH_PLACE_HEADS_AFTER:
            first = k
            while first > 0 and joined[first - 1] and name_word(first - 1):
                first -= 1
            if first < k:
                name = f"{_ENGLISH_PLACE_HEADS_AFTER[key]} {' '.join(words[first:k])}"
                _claim(owner, candidates, _Candidate(first, k + 1, "LOC", "rule", 0.8, _unknown_entry("LOC", name)))
        elif key in _ENGLISH_PLACE_HEADS_BEFORE:
            last = k + 1
            while last < n and joined[last - 1] and name_word(last):
                last += 1
            if last > k + 1:
                name = f"{_ENGLISH_PLACE_HEADS_BEFORE[key]} {' '.join(words[k + 1:last])}"
                _claim(owner, candidates, _Candidate(k, last, "LOC", "rule", 0.8, _unknown_entry("LOC", name)))


def _venue_entry(head: str, body: Entry | None) -> Entry | None:
    """One place however the body is written: "Gedung DPR", "Gedung DPR RI" and "Gedung DPR-RI"
    are all "Gedung Dewan Perwakilan Rakyat" ("Rutan KPK": "Rutan Komisi Pemberantasan Korupsi")."""
    if body is None:
        return None
    name = _VENUE_NAMES.get(head, "Kompleks ") + body.name
    return Entry(actor_id("LOC", name), name, "LOC", "venue")


# Words that build the names of bodies and places: a headline's capitals do not end a name at them.
_NAME_BUILDING_WORDS = PORTFOLIO_WORDS | PLACE_QUALIFIERS | ORG_HEADS | PLACE_NOUNS
# Words a Title Case headline leaves in lower case ("Banjir Rendam Ribuan Rumah di Kabupaten Bandung").
_LOWER_IN_TITLES = frozenset("""
yang dengan untuk dari pada dalam oleh akan atau serta para tentang hingga sampai usai jelang antara
bagi agar karena saat sejak setelah sebelum terhadap kepada melalui
""".split())


def _headline_word(tokens: Tokens, k: int) -> bool:
    """Whether capitalised ``tokens[k]`` is a dictionary root or an affixed verb capitalised only by
    a Title Case sentence, so it says nothing of a name ("Sekolah Rakyat Dibuka", "Desa Panen
    Melimpah"). Words that build names ("Dewan Gubernur", "Kementerian Agama") are not, nor are
    names that only look affixed ("Gunung Merapi": me- + rapi)."""
    return _headline_key(tokens.keys[k]) and _title_case_sentence(tokens, k)


def _headline_key(key: str) -> bool:
    """Whether a word is a dictionary root or an affixed verb that builds no name: one a headline
    capitalises (see _headline_word)."""
    return key not in _NAME_BUILDING_WORDS and (is_root_word(key) or _affixed_verb(key))


def _title_case_sentence(tokens: Tokens, k: int) -> bool:
    """Whether the sentence holding ``tokens[k]`` is in Title Case (see _title_case_span).

    Read outwards from ``k``: in prose a lower-case word is near, and ends the test there.
    """
    words, keys, n = tokens.words, tokens.keys, len(tokens.words)
    capitalised, end = 0, n
    for step in (1, -1):
        j = k if step == 1 else k - 1
        while 0 <= j < n:
            if step == 1 and j > k and _sentence_initial(tokens, j):
                end = j
                break  # the next sentence
            case = _title_case_vote(words[j], keys[j])
            if case < 0:
                return False
            capitalised += case
            if step == -1 and _sentence_initial(tokens, j):
                break
            j += step
        if step == 1 and _sentence_initial(tokens, k):
            break  # nothing of the sentence before k
    if capitalised < 3:
        return False
    # A full stop ends prose, not a headline ("Demo di Jalan Medan Merdeka Barat."): looked at
    # last, as most calls have returned at a lower-case word.
    after = tokens.text[tokens.ends[end - 1] : tokens.starts[end] if end < n else tokens.ends[n - 1] + 3]
    return "." not in after


def _title_case_span(tokens: Tokens, first: int, last: int) -> bool:
    """Whether ``[first, last)`` is in Title Case: at least three words of four or more letters, all
    capitalised but the links a headline keeps in lower case."""
    capitalised = 0
    for word, key in zip(tokens.words[first:last], tokens.keys[first:last]):
        case = _title_case_vote(word, key)
        if case < 0:
            return False
        capitalised += case
    return capitalised >= 3


def _title_case_vote(word: str, key: str) -> int:
    """A word's say on Title Case: 1 capitalised, -1 in lower case (not a link a headline keeps so),
    0 too short or not all letters."""
    if len(word) < 4 or not word.isalpha():
        return 0
    return -1 if word[0].islower() and key not in _LOWER_IN_TITLES else 1


def _affixed_verb(key: str) -> bool:
    """A dictionary word with a verb's affixes ("Ditemukan", "Terendam", "Menewaskan"): a headline's
    Title Case goes on past a place's name with such words ("Gunung Rinjani Ditemukan Selamat").
    A bare "me-" opens place names too ("Menteng", "Jalan Merdeka"): only "me-...-kan/-i" counts.
    Nor does a bare "-kan" ("Amankan"): places end so too ("Dusun Tambakan", "Kecamatan Mondokan")."""
    verb_like = key.startswith(("di", "ter", "ber")) or (key.startswith("me") and key.endswith(("kan", "i")))
    return len(key) > 5 and verb_like and is_common_word(key)


def _capitalised_heads(keys: Sequence[str], words: Sequence[str], heads: frozenset[str]) -> list[int]:
    """Indices of the capitalised words whose key is in ``heads`` (``warta._tokens`` compiles this filter)."""
    return [k for k in compress(range(len(keys)), map(heads.__contains__, keys)) if words[k][0].isupper()]


def _capitalised_runs(text: str, tokens: Tokens, owner: Sequence[int]) -> list[tuple[int, int]]:
    """``(first, last)`` token ranges of capitalised runs that no candidate owns, in order: a run
    opens at an unowned capitalised word and goes on across joining gaps over unowned words that
    are capitalised or follow a bare hyphen ("Nilsson-wright"), and over a name's particle before
    such a word ("Omar al-Bashir", "Robin van Persie"). ``warta._tokens`` compiles this loop.
    """
    n, words, keys, joined, resume = len(tokens.words), tokens.words, tokens.keys, tokens.joined, 0
    runs = []
    # A capitalised word differs from its lower-case key: a C-level prefilter before the exact test.
    for k in list(compress(range(n), map(operator.ne, words, keys))):
        if k < resume or owner[k] >= 0 or not words[k][0].isupper():
            continue
        last = k + 1
        while last < n and joined[last - 1] and owner[last] < 0 and not _spaced_dash_after(tokens, last - 1):
            if not (words[last][0].isupper() or text[tokens.ends[last - 1] : tokens.starts[last]] == "-"):
                if not (last + 1 < n and joined[last] and owner[last + 1] < 0 and words[last + 1][0].isupper()
                        and keys[last] in NAME_PARTICLES):
                    break
                last += 1
            last += 1
        runs.append((k, last))
        resume = last
    return runs


def _person_rule(text: str, tokens: Tokens, owner: list[int], candidates: list[_Candidate], *,
                 strong_only: bool = False, skip: Sequence[bool] = ()) -> list[int]:
    """Capitalised runs no pass explained become persons when a role, title or speech verb marks them.

    ``strong_only`` keeps to roles, titles and attributions before the name. In the sentences
    marked in ``skip`` (read by the tagger, which already weighed those cues) only a relation
    ("rekannya dari Korea Selatan Kim Hong-jyun") still makes a person. Returns the capitalised
    words that stood alone, might be a name, and had no cue (see _name_part_rule).
    """
    unread: list[int] = []
    n, words, keys, joined = len(tokens.words), tokens.words, tokens.keys, tokens.joined
    # Claims below only cover tokens of the run at hand, so every run can be found up front.
    if _compiled_runs is not None:
        runs = _compiled_runs(text, words, keys, joined, owner, tokens.starts, tokens.ends, NAME_PARTICLES)
    else:
        runs = _capitalised_runs(text, tokens, owner)
    for k, last in runs:
        if last - k == 1:
            # The common case, one word ("Presiden" before a known name, "Namun"): an office or a
            # day alone is no name, and nothing precedes the word to strip.
            if keys[k] in _NOT_A_NAME_ALONE or _abstract_noun(keys[k]) or _long_acronym(words[k]):
                continue  # _no_person_alone and the test below, inlined
            first, stripped = k, False
        else:
            # A noble title stays in the name, as the tagger's pass keeps it ("Pangeran Diponegoro").
            first = _after_offices(tokens, k, last, keep=NOBLE_TITLES)
            # "Menurut Haposan, ...": an attribution opening the sentence is capitalised with the name.
            cue_opens = (first == k and keys[k] in CUES_BEFORE and _sentence_initial(tokens, k)
                         and not (last - k == 2 and words[k + 1].isupper()))  # "Menurut POTM": an acronym
            first += cue_opens
            # An occupation opening the sentence is capitalised with the name ("Rapper Ahmad Abdul melaporkan ...").
            first += first == k and last - k >= 3 and keys[k] in OCCUPATIONS and _sentence_initial(tokens, k)
            # Offices and their numbers go, and so do words never in a name ("Namun Noor Laila mengaku").
            while first < last and ((keys[first] in PORTFOLIO_WORDS and keys[first] not in NOBLE_TITLES
                                     and not _given_name_after_office(keys, first))
                                    or keys[first] in NOT_NAMES
                                    or (keys[first] in _OFFICE_SUFFIXES and keys[first - 1] in PORTFOLIO_WORDS)
                                    # a field after "Bidang" ("Ketua MUI Bidang Fatwa Asrorun Niam Sholeh")
                                    or (first > k and keys[first - 1] == "bidang" and last - first >= 3
                                        and _dictionary_word(keys[first]))):
                first += 1
            # ... and so does a body's acronym between an office and the name ("pemimpin MDC Morgan
            # Tsangirai"): three letters or more, as two are often a person's initials ("HM
            # Prasetyo"), unless two words or more follow them ("Ketua BK Muhammad Prakosa").
            if (last - first >= 2 and (len(words[first]) >= 3 or (len(words[first]) == 2 and last - first >= 3))
                    and words[first].isupper()
                    and not words[first + 1].isupper()
                    and (first > k or (k > 0 and (keys[k - 1] in _ROLE_OPENERS or keys[k - 1] in OCCUPATIONS)))):
                first += 1
            # ... and so do the days, months and counts after it ("kata Hasyim Asyari Selasa (18/6)").
            while last - first > 1 and keys[last - 1] in _NOT_NAME_ENDINGS:
                last -= 1
            if first == last:
                continue
            stripped = (cue_opens or any(key in ROLE_HEADS or key in TITLES or key in RANKS or key in OCCUPATIONS
                                         for key in keys[k:first])
                        or (keys[first] in NOBLE_TITLES and last - first >= 2))
        following = candidates[owner[last]] if last < n and owner[last] >= 0 and tokens.joined[last - 1] else None
        if following is not None and following.type == "PER":
            continue  # "Menko Polhukam Budi Gunawan": the run is the office of the name after it
        if last - first == 1 and (_no_person_alone(keys[first]) or _long_acronym(words[first])
                                  or (words[first].isupper() and _acronym_after_office(tokens, first))):
            continue
        if first > 0 and keys[first - 1] in UNIT_OFFICES:
            area_end = _unit_area_end(keys, first, last)
            if first < area_end < last and (_name_shaped(text, tokens, area_end, last) or (
                    last - area_end == 1 and _name_word(tokens, area_end) and not _dictionary_word(keys[area_end]))):
                first = area_end  # "Kapolda Metro Jaya Karyoto": the unit's known area, then its holder
            elif not _name_shaped(text, tokens, first, last):
                continue  # the unit's name, no rank before a holder: "Kapolda Metro Jaya hadir"
        if first > 0 and keys[first - 1] in AREA_OFFICES:
            named = _named_area(tokens, candidates, first, last)
            area_end = first + named.last - named.first - 1 if named else _area_end(tokens, first, last)
            if area_end > first:
                _claim(owner, candidates, _Candidate(first, area_end, "LOC", "rule", 0.7, _place_entry(tokens, named)))
                first = area_end  # "Camat Cilandak Mundir": the district, then its head
                if first == last:
                    continue  # "Lurah Cipete Selatan juga memantau": the area alone
        if stripped and last - first >= 3 and _body_before_holder(tokens, first):
            first += 1  # "Mantan Dirut Garuda Emirsyah Satar": the body's short name, then its holder
        if (last - first >= 3 and keys[first] == "bagian" and keys[first + 1] in _COMPASS_POINTS and first > 0
                and owner[first - 1] >= 0 and tokens.joined[first - 1] and candidates[owner[first - 1]].type == "LOC"):
            # A region named by its part of a place ("Regional Jawa Bagian Barat Eko Kristiawan"): the
            # place stays the actor, the holder's name follows.
            first += 2
            stripped = True
        # Anything stripped before the run says a firm may follow, and so does an office before it.
        opening = first if stripped or first > k else (
            _firm_opening_after_office(tokens, owner, candidates, k) if last - first >= 3 else -1)
        if last - first >= 3 and opening >= 0:
            holder = _after_firm_words(text, tokens, first, last)
            if holder > first:  # "Analis Doo Financial Futures Lukman Leong": the firm, then its analyst
                firm = _after_desk_words(keys, opening, holder - 1)
                _claim(owner, candidates, _Candidate(firm, holder, "ORG", "rule", 0.7))
                first, stripped = holder, True  # the firm stands as the holder's office
        if skip and skip[first] and not (
                _relation_before(tokens, owner, first) or keys[first - 1] in _RANK_WORDS
                or keys[first - 1] in _INITIALS_CUES or _age_after(text, tokens, last)
                or _status_before(tokens, first, last)
                # A name of two or three words after a stated role, which the tagger missed
                # ("Ketua KPU Hasyim Asyari Selasa (18/6)").
                or (last - first >= 2 and (stripped or _role_before(text, tokens, owner, candidates, first) is not None)
                    and _name_shaped(text, tokens, first, last, dictionary_words=1))
                # A Balinese name, which its prefix and birth-order name make sure of ("Ni Luh Putu Ary Pertami").
                or (last - first >= 3 and words[first] in _BALINESE_PREFIXES and keys[first + 1] in _BALINESE_NAMES)
                # One word after a head of government and the area ("Wali Kota Jakarta Timur Munjirin"),
                # or after an office in a known body ("Juru bicara MA Yanto").
                or (last - first == 1
                    and (not _dictionary_word(keys[first]) or (last < n and words[last][0].islower()))
                    and _after_office_and_area(tokens, owner, candidates, first))
                # Two or three after a known body and its office, two of them dictionary words
                # ("Juru Kampanye Hutan Greenpeace Indonesia Sekar Banjaran Aji").
                or (2 <= last - first <= 3 and _after_office_and_area(tokens, owner, candidates, first)
                    and _name_shaped(text, tokens, first, last, dictionary_words=2))
                or (keys[first - 1] in _PERSON_OBJECT_VERBS and 2 <= last - first <= 4
                    and _name_shaped(text, tokens, first, last))):
            if last - k == 1:
                unread.append(k)
            continue
        before = first - 1
        if stripped or before < 0:
            strong = stripped
        elif owner[before] < 0 and keys[before] not in _ROLE_OPENERS and not words[before][0].isupper():
            # The common case, a plain lower-case word before the run: no role can open there, so
            # only a cue word or a relation across "dari" makes it strong (the same answer as below).
            key = keys[before]
            strong = (joined[before] and (key in _RULE_CUES_BEFORE or key in TITLES or key in _INITIALS_CUES
                                          or (key == "dari" and _relation_before(tokens, owner, first))
                                          or (_opponent_before(tokens, before)
                                              and _opponent_named(text, tokens, first, last))
                                          or (key in OCCUPATIONS and last - first >= 2 and not words[first].isupper())
                                          or (key in _PERSON_OBJECT_VERBS and 2 <= last - first <= 4
                                              and _name_shaped(text, tokens, first, last))
                                          or _status_before(tokens, first, last))
                      or (key in MEMBERS_BEFORE and _apposed_to_member(text, tokens, before, last)))
        else:
            strong = (_role_before(text, tokens, owner, candidates, first) is not None
                      or _cue_before(tokens, owner, first)
                      or (owner[before] < 0 and joined[before] and _opponent_before(tokens, before)
                          and _opponent_named(text, tokens, first, last)))
        if not strong and (_age_after(text, tokens, last) or _described_after(text, tokens, last)):
            strong = True
        confidence = 0.7
        if not strong and (strong_only or last >= n or not (
                ((keys[last] in _SUBJECT_VERBS or keys[last] in _ADVERBS_BEFORE_VERBS)
                 and _verb_after(text, tokens, last))
                or (keys[last] in ROLE_HEADS and _apposition_after(text, tokens, last)))):
            # Without the tagger (which weighs a name's shape itself), a name needs no cue. Most
            # runs are one word: their length is tested before the call.
            if not (strong_only or skip) and first == k and 3 <= last - k <= 4:
                first = _after_sentence_opener(tokens, k)
            if strong_only or skip or not 2 <= last - first <= 4 or not _name_shaped(text, tokens, first, last):
                if last - k == 1:
                    unread.append(k)
                continue
            confidence = 0.5
        elif not strong and first == k and last - k >= 2:
            # A verb after the run: its first word may still be a dictionary word opening the
            # sentence ("Terdakwa Ahmad bin Sulaiman divonis", "Warga Sukirman mengatakan").
            first = _after_sentence_opener(tokens, k)
        # After a rank, a run that ends in a word no dictionary holds is a name, dictionary words
        # and all ("Irjen Ribut Hari Wibowo"): a headline's run ends in one.
        if strong and last - first >= 2 and _dictionary_run(tokens, first, last) \
                and not (keys[first - 1] in _RANK_WORDS and not _dictionary_word(keys[last - 1])):
            # A headline's words after a name: "Menteri Budi Hadiri Rapat Kerja" names Budi.
            cut = _before_headline_words(tokens, first, last)
            if cut == first and not all(map(_dictionary_word, keys[first:last])) and (
                    (last < n and keys[last] in _SUBJECT_VERBS and _verb_after(text, tokens, last))
                    or (text.startswith(".", tokens.ends[last - 1]) and not _title_case_sentence(tokens, first))):
                # In prose, a name with a word no dictionary holds that speaks or ends the sentence:
                # "Juru bicara Polri Trunoyudo Wisnu Andiko mengatakan", "Ketua DPRD Kota Medan Wong
                # Chun Sen mengatakan", "ujar Juru Kampanye Hutan Greenpeace Indonesia Sekar Banjaran Aji."
                cut = last
            last = cut
            if last == first:
                continue
        elif strong and last - first == 1 and keys[first] not in GIVEN_NAME_WORDS and _headline_word(tokens, first):
            continue  # "Calon Tetap Anggota Legislatif": a headline's word after an office
        first = _claim_area_after_office(tokens, owner, candidates, first, last)
        weak = last - first == 1 and not strong
        if weak and (keys[last] in _SUBJECT_VERBS or keys[last] in _ADVERBS_BEFORE_VERBS) \
                and _verb_after(text, tokens, last) and not words[first].isupper():
            # "Nurul mengatakan ...": a name that is no dictionary word, speaking, needs no full name.
            weak = is_common_word(keys[first])
        # A run that ends in a firm's word is the firm, not its analyst: "Analis Mirae Asset Sekuritas".
        type_ = "ORG" if last - first >= 2 and keys[last - 1] in _FIRM_WORDS else "PER"
        _claim(owner, candidates, _Candidate(first, last, type_, "rule", confidence, weak=weak and type_ == "PER"))
    return unread


# A legal status or a death before a name: one word after it, no dictionary word, is a person's
# name ("terdakwa Sugianto", "almarhum Sukiman"; "tersangka Budi", a given name), as a longer run
# after any occupation is.
_STATUS_WORDS = frozenset("tersangka terdakwa terpidana narapidana napi buronan almarhum almarhumah mendiang".split())


def _status_before(tokens: Tokens, first: int, last: int) -> bool:
    """Whether the one capitalised word at ``first`` follows a status word (see _STATUS_WORDS)."""
    return (last - first == 1 and first > 0 and tokens.keys[first - 1] in _STATUS_WORDS and tokens.joined[first - 1]
            and not tokens.words[first].isupper()
            and (tokens.keys[first] in GIVEN_NAME_WORDS or not is_common_word(tokens.keys[first])))


# Portfolio words that are given names too, and the offices they complete: "Jaksa Agung" is an
# office, "Wakil Ketua Umum Partai Golkar Agung Laksono" a name.
_PORTFOLIO_GIVEN_NAMES = {"agung": frozenset("jaksa mahkamah hakim uskup imam masjid".split())}


def _given_name_after_office(keys: Sequence[str], k: int) -> bool:
    """Whether the portfolio word at ``k`` opens a name here: a given name that does not complete
    the office before it."""
    offices = _PORTFOLIO_GIVEN_NAMES.get(keys[k])
    return offices is not None and k + 1 < len(keys) and (k == 0 or keys[k - 1] not in offices)


def _acronym_after_office(tokens: Tokens, k: int) -> bool:
    """Whether ``tokens[k]``, an acronym, follows an office word: then it is the office's body
    ("Ketua BPD", "Menteri PU", "Sekretaris Umum DGI"), not a person's initials; after a rank or a
    title it may be ("Bripda AS", "Pak SBY")."""
    return (k > 0 and len(tokens.words[k]) > 1
            and (tokens.keys[k - 1] in ROLE_HEADS or tokens.keys[k - 1] in ROLE_WORDS)
            and tokens.keys[k - 1] not in _RANK_WORDS and tokens.keys[k - 1] not in TITLES)


def _long_acronym(word: str) -> bool:
    """An unknown acronym of four letters or more alone is a body ("Kepala BPBD", "Pengamat dari
    LIPI"), not a person: people known by their initials are in the gazetteer (SBY, AHY)."""
    return len(word) >= 4 and word.isupper()


def _apposed_to_member(text: str, tokens: Tokens, before: int, last: int) -> bool:
    """Whether the run ending at ``last`` is named in commas right after a word for ordinary
    people ("Seorang pengungsi, Maria, mengaku ...", "warga, Siti, menyebut ..."): a person, even
    where the name is a dictionary word too. Three words at most."""
    starts, ends = tokens.starts, tokens.ends
    return (tokens.keys[before] in MEMBERS_BEFORE and last - before <= 4
            and text[ends[before] : starts[before + 1]] == ", " and text.startswith(",", ends[last - 1]))


def _before_headline_words(tokens: Tokens, first: int, last: int) -> int:
    """Where a run of mostly dictionary words after an office ends in a Title Case sentence: before
    the first headline word after a name word ("Budi Hadiri Rapat Kerja" -> "Budi"); ``first``
    when there is no such name or the sentence is prose."""
    keys = tokens.keys

    def headline(key: str) -> bool:  # any dictionary word here: the run is mostly those
        return key not in _NAME_BUILDING_WORDS and _dictionary_word(key)

    if headline(keys[first]):
        return first
    cut = first + 1
    while cut < last and not headline(keys[cut]):
        cut += 1
    return cut if cut < last and _title_case_sentence(tokens, first) else first


def _no_person_alone(key: str) -> bool:
    """Whether a capitalised word alone is never a person's name: an office, a day, a word that
    goes on a place's name, a head word of an organisation or place ("anggota Dewan", "dari
    Fraksi"), or a dictionary word with the affixes of an abstract noun or a possessive: the
    portfolio of an office ("Direktur Pemasaran", "Menteri Keadilan", "Ketua Umumnya")."""
    return key in _NOT_A_NAME_ALONE or _abstract_noun(key)


@lru_cache(maxsize=65536)
def _abstract_noun(key: str) -> bool:
    """A dictionary word shaped like an abstract noun or a possessive (cached: it is asked of every
    capitalised word that stands alone, and those recur)."""
    if not (key.endswith(_ABSTRACT_NOUN_ENDINGS) or (key.startswith(("pe", "ke")) and key.endswith("an"))):
        return False  # most names: no dictionary look-up
    return is_common_word(key)


def _after_sentence_opener(tokens: Tokens, k: int) -> int:
    """Where a name starts in the run at ``k``: after its first word when that is a dictionary word
    opening the sentence, capitalised as the sentence's first word ("Mundurnya Hary Tanoesoedibyo").
    A short root word is kept: names are made of those too ("Saur Marlina Manurung"), and so is a
    given name ("Maria Augusta Kutschera")."""
    key = tokens.keys[k]
    opener = (len(key) >= 5 and _dictionary_word(key) and key not in GIVEN_NAME_WORDS
              and _sentence_initial(tokens, k))
    return k + 1 if opener else k


def _name_shaped(text: str, tokens: Tokens, first: int, last: int, known: int = -1,
                 dictionary_words: int = 0) -> bool:
    """Two or three capitalised words apart by single spaces, none an Indonesian dictionary word,
    an office, a head of a place or organisation, or an English word of titles ("Prison Break",
    "Pink Floyd"): a person's name even without a cue ("Ahmad Sahroni", "Tomoya Nagase"), and a
    name's particle besides them ("Robin van Persie", "Mery Susanna br Sitepu"). The word at
    ``known``, a known name, may be a dictionary word ("Paris" in "Hotman Paris Hutapea"), and so
    may ``dictionary_words`` others where a role stands before ("Bupati Labuhanbatu Erik Adtrada
    Ritonga": "erik" is a root word)."""
    if not 2 <= last - first <= 3 and not (
            last - first == 4 and not NAME_PARTICLES.isdisjoint(tokens.keys[first + 1 : last - 1])):
        return False
    words, keys, starts, ends = tokens.words, tokens.keys, tokens.starts, tokens.ends
    if any(text[ends[k]:starts[k + 1]] != " " for k in range(first, last - 1)):
        return False  # "Mega-Mega", "Ran Uzaki / GekiYellow": a title or a list, not a name
    for k in range(first, last):
        word, key = words[k], keys[k]
        if key in NAME_PARTICLES and first < k < last - 1:
            continue  # "Robin van Persie"
        if (len(word) < 3 or not word.isalpha() or word.isupper() or not word[0].isupper()
                or key in _NO_NAME_ALONE or key in _HEADS or key in PLACE_NOUNS
                or key in _ENGLISH_TITLE_WORDS):
            return False
        if k != known and _dictionary_word(key):
            if not dictionary_words:
                return False
            dictionary_words -= 1
    return not _titled(text, tokens, first, last)


# Words that announce a work's title: its name is no person's ("lagu berjudul Yureru Omoi").
_TITLE_CUES = frozenset("berjudul bertajuk judul".split())
_DOUBLE_QUOTES = ('"', "“", "”")


def _titled(text: str, tokens: Tokens, first: int, last: int) -> bool:
    """Whether the run is a work's title: it follows a title cue, or stands in double quotes by
    itself ("Speak Now"), except for a role an actor plays ("sebagai "Kouji Kabuto" dalam ...")."""
    if first > 0 and tokens.keys[first - 1] in _TITLE_CUES:
        return True
    if first > 0 and tokens.keys[first - 1] == "sebagai":
        return False
    before, after = tokens.starts[first] - 1, tokens.ends[last - 1]
    while before >= 0 and text[before] == " ":
        before -= 1
    while after < len(text) and text[after] == " ":
        after += 1
    return before >= 0 and after < len(text) and text[before] in _DOUBLE_QUOTES and text[after] in _DOUBLE_QUOTES


def _without_headline_words(tokens: Tokens, a: int, span: tuple) -> list[tuple]:
    """A span the tagger found in a Title Case sentence (relative to its start ``a``), less the
    headline words at its ends: "Marc Marquez Terjatuh" is Marc Marquez, "Gagal Finis" nothing.
    A span left with only words that build names keeps them all ("Kampung Melayu", "Partai Buruh")."""
    first, last = span[0], span[1]
    keys = tokens.keys
    while first < last and _headline_key(keys[a + first]):
        first += 1
    while last > first and _headline_key(keys[a + last - 1]):
        last -= 1
    if first == last:
        return []
    if (first, last) != span[:2] and all(key in _NAME_BUILDING_WORDS for key in keys[a + first : a + last]):
        return [span]
    return [(first, last, *span[2:])]


def _model_pass(text: str, tokens: Tokens, owner: list[int], candidates: list[_Candidate], *,
                override: bool = False, read_known: bool = False) -> list[bool]:
    """Tag sentences holding capitalised words that no other pass explained; return which tokens it read.

    With ``override`` the tagger runs before the rules and its spans win over gazetteer spans
    they contain or cross (a gazetteer span holding the tagger's span is kept).
    """
    from warta.tagger import load_tagger

    read = [False] * len(tokens)
    tagger = load_tagger()
    if tagger is None:
        return read
    bounds = [0]
    # Only gaps other than one space can end a sentence: a C-level filter before the exact test.
    gaps = list(map(text.__getitem__, map(slice, tokens.ends[:-1], tokens.starts[1:])))
    for k in list(compress(range(len(gaps)), map(" ".__ne__, gaps))):
        gap = gaps[k]
        initial = len(tokens.words[k]) == 1 and tokens.words[k].isupper()  # "Stephen R. Covey"
        if "\n" in gap or (gap.strip()[:1] in (".", "!", "?") and tokens.words[k + 1][0].isupper() and not initial):
            bounds.append(k + 1)
    bounds.append(len(tokens.words))
    caps = list(map(str.isupper, map(itemgetter(0), tokens.words)))
    # The tagger reads the gazetteer's tags; a sentence's claims never reach another sentence.
    gazetteer_tags = ["O"] * len(tokens)
    # Known names whose reading depends on the sentence: places (a modifier "warga Palestina")
    # and short acronyms ("DPD Partai …"). Sentences holding one are read even when every name
    # in them is known, so that the tagger's judgement applies (see _drop_untagged_places).
    doubtful = [False] * len(tokens) if read_known else []
    for held in candidates:
        if held is not None and held.method == "gazetteer":
            gazetteer_tags[held.first : held.last] = ["B-" + held.type] + ["I-" + held.type] * (held.last - held.first - 1)
            if read_known and (held.type == "LOC" or (held.type == "ORG" and held.confidence <= _ACRONYM_CONFIDENCE)):
                doubtful[held.first] = True
    # "Badan Usaha Milik Negara (BUMN)": a name and its bracketed short form may be one name,
    # which only the tagger can tell, so such sentences are read even when both are known.
    bracketed = [k + 1 for k in compress(range(len(gaps)), map(_opens_bracket, gaps)) if owner[k] >= 0]
    if bracketed:
        doubtful = doubtful or [False] * len(tokens)
        for k in bracketed:
            doubtful[k] = True
    for a, b in zip(bounds, bounds[1:]):
        # A sentence opener counts as unknown only when it is no dictionary word ("Kemarin").
        opener = owner[a] < 0 and caps[a] and not is_common_word(tokens.keys[a])
        if (not opener and not any(owner[k] < 0 and caps[k] for k in range(a + 1, b))
                and not (doubtful and any(doubtful[a:b]))):
            continue
        capitalised = sum(caps[a:b])
        ending = text[tokens.ends[b - 1] : tokens.ends[b - 1] + 3].strip()[:1]
        if b - a >= 5 and capitalised > 0.85 * (b - a) and ending not in (".", "!", "?", "”", '"', ","):
            continue  # a Title Case heading (no full stop): every word looks like a name to the tagger
        read[a:b] = [True] * (b - a)
        headline = capitalised >= 3 and ending != "." and _title_case_span(tokens, a, b)
        spans = [part for span in tagger.spans(text, tokens.slice(a, b), gazetteer_tags[a:b])
                 for verbless in _split_at_verbs(tokens, a, span)
                 for piece in _split_nickname(text, tokens, a, verbless)
                 for paired in _split_paired_names(tokens, a, piece, owner, candidates)
                 for trimmed in (_without_headline_words(tokens, a, paired) if headline else (paired,))
                 for placed in _split_office_place(tokens, a, trimmed, owner, candidates)
                 for firm in _split_firm_holder(tokens, a, placed)
                 for classed in _without_class_place(tokens, a, firm)
                 for unranked in _without_leading_acronym(tokens, a, classed)
                 for part in _without_trailing_rank(tokens, a, unranked)]
        tagged = [False] * (b - a)
        for first, last, _, _ in spans:
            tagged[first:last] = [True] * (last - first)
        _drop_untagged_places(tokens, owner, candidates, a, tagged)
        for first, last, type_, confidence in spans:
            first, last = first + a, last + a
            held = [candidates[owner[j]] for j in range(first, last) if owner[j] >= 0 and candidates[owner[j]]]
            # A span that starts inside a known name goes on after it: "Kepala BPBD Jatim Gatot
            # Soebroto" tagged as "BPBD" and "Jatim Gatot Soebroto" holds the person after "BPBD Jatim".
            if held and held[0].first < first < held[0].last < last and type_ == "PER":
                first = held[0].last
                held = [candidate for candidate in held if candidate.last > first]
            # A body's span that stops inside a known name takes all of it: "Dinas Perhubungan
            # DKI | Jakarta Syafrin Liputo" is the office's body in DKI Jakarta, then the holder.
            if held and type_ != "PER" and held[-1].first < last < held[-1].last:
                last = held[-1].last
            # A known body (and a known place) and a name after it, after an office: the body,
            # then its officer ("Jaksa Penuntut Umum (JPU) Kejari Surabaya | Darwis", "Juru
            # Kampanye Hutan Greenpeace Indonesia | Sekar Banjaran Aji"); the rules read the name.
            if (held and type_ == "ORG" and held[0].first == first and held[0].type == "ORG"
                    and (held[0].method == "gazetteer" or held[0].entry is not None)
                    and all(known is held[0] or known.type == "LOC" for known in held)
                    and _officer_after_body(tokens, held[-1].last, last) and _office_before_body(tokens, first)):
                continue
            if held and not override:
                continue
            # "kosmodrom Vostochny": the actor is the name, not the noun before it; but a place
            # noun opens a place's name ("desa Kramas", "Gedung DPR", "kota Milwaukee").
            if not (type_ == "LOC" and tokens.keys[first] in PLACE_NOUNS):
                while first < last and not tokens.words[first][0].isupper() and not tokens.words[first][0].isdigit():
                    first += 1
            if type_ != "PER" and first > 0 and tokens.keys[first - 1] in _PORTFOLIO_OFFICES:
                # "Menteri Luar Negeri China Wang Yi": the portfolio is the office's; the country stays.
                while first < last and tokens.keys[first] in PORTFOLIO_WORDS:
                    first += 1
            # Its people, capitalised opening a sentence, are no part of a place's or body's name:
            # "Pedagang Pasar Tanah Abang mengeluhkan ...", "Karyawan PT Sritex ...".
            if (type_ != "PER" and last - first >= 3 and tokens.keys[first] in MEMBERS_BEFORE
                    and (tokens.keys[first + 1] in _HEADS
                         or (tokens.keys[first + 1], tokens.keys[first + 2]) in _TWO_WORD_HEADS)):
                first += 1
            if (type_ == "PER" and a < first < last and tokens.words[first - 1][0].isupper()
                    and (tokens.keys[first - 1], tokens.keys[first]) in _TWO_WORD_HEADS):
                # Only where it was read as a person: the tagger's own type of a hospital (a place,
                # as the NER sets tag it) stands.
                type_ = _TWO_WORD_HEADS[tokens.keys[first - 1], tokens.keys[first]]
                first -= 1
            if first < last and (tokens.keys[first] in _LATER_ORG_HEADS
                                 or tokens.keys[first:first + 2] == ["pondok", "pesantren"]):
                type_ = "ORG"  # heads the tagger never learnt: "Satgas Pangan" is no person
            elif first < last and tokens.keys[first] in _LATER_PLACE_HEADS:
                type_ = "LOC"  # nor is "Curug Cilember"
            if type_ == "PER":
                first = _after_offices(tokens, first, last, keep=NOBLE_TITLES)
                if last - first >= 3 and tokens.keys[first] in OCCUPATIONS and _sentence_initial(tokens, first):
                    first += 1  # "Rapper Ahmad Abdul melaporkan ...": the occupation opens the sentence
                while first < last - 1 and tokens.keys[first] in FIRM_SUFFIXES:
                    first += 1  # "PT Vale Indonesia | Tbk Febriany Eddy": the firm's listing, then its officer
                # An office's own last word goes too ("Perhubungan Darat Aan Suhanan").
                while 0 < first < last - 1 and tokens.keys[first] in _OFFICE_SUFFIXES \
                        and tokens.keys[first - 1] in PORTFOLIO_WORDS:
                    first += 1
                if first < last and not held:
                    first = _claim_area_after_office(tokens, owner, candidates, first, last)
                # A given name that is a dictionary word, which the tagger left before the rest of the
                # name: "Camat Cakung | Fajar | Eko Satriyo", "KSDA Jatim | Nur | Patria Kurniawan".
                if a < first < last and owner[first - 1] < 0 and tokens.joined[first - 1] \
                        and tokens.words[first - 1][0].isupper() and (
                            tokens.keys[first - 1] in GIVEN_NAME_WORDS
                            # ... or any name word after a title: "Dokter | Tirta | Mandira Hudhi".
                            or (a < first - 1 and tokens.joined[first - 2] and _name_word(tokens, first - 1)
                                and tokens.keys[first - 1] not in _HEADS and tokens.keys[first - 1] not in PLACE_NOUNS
                                and tokens.keys[first - 2] in _BEFORE_NAMES)):
                    first -= 1
            if first == last or any(h.first <= first and last <= h.last for h in held):
                continue  # the same span or inside a known name: the gazetteer's reading stands
            inner = {candidates[owner[j]].type for j in range(first, last) if owner[j] >= 0 and candidates[owner[j]]}
            opening = candidates[owner[first]] if owner[first] >= 0 else None
            if (opening is not None and opening.entry is not None and opening.first == first and opening.type == type_
                    and _bracketed_short_form(text, tokens, opening.last, last)):
                # The known name and its bracketed short form are one mention of the known actor.
                _claim(owner, candidates, _Candidate(first, last, opening.type, opening.method, opening.confidence,
                                                     opening.entry, resolution=opening.resolution))
                continue
            if not _may_contain(type_, inner) and opening is not None:
                # "Kremlin Demitry Peskov" is no person: the known names of other types stay when
                # one opens the span; after a word they do not know they belong to the name
                # ("Gedung DPR", "Badrodin Haiti").
                continue
            if last - first == 1 and tokens.keys[first] in NOT_NAMES:
                continue
            venue = None
            if (type_ == "LOC" and tokens.keys[first] in _VENUE_HEADS and len(held) == 1 and held[0].type == "ORG"
                    and held[0].first == first + 1 and held[0].last == last):
                venue = _venue_entry(tokens.keys[first], held[0].entry)  # named as the place rule names it
            _claim(owner, candidates, _Candidate(first, last, type_, "model", confidence, venue))
    return read


def _claim_area_after_office(tokens: Tokens, owner: list[int], candidates: list[_Candidate], first: int,
                             last: int) -> int:
    """"Camat Cibinong Bambang Sutrisno", "Kepala Desa Sukamaju Ahmad Yani": after the office of a
    district, village or ward, the first of three or more name words is the area (which the
    gazetteer does not hold), the rest its holder. Claims the area as a place; returns where the
    person's name starts."""
    keys = tokens.keys
    if last - first < 3 or first == 0 or owner[first] >= 0:
        return first
    if keys[first - 1] in AREA_OFFICES:
        area = first
    elif keys[first - 1] in _LISTED_PLACE_HEADS and first >= 2 and keys[first - 2] in ROLE_HEADS \
            and owner[first - 1] < 0:
        area = first - 1  # "Kepala Desa Sukamaju Ahmad Yani": the place keeps its head word
    else:
        return first
    _claim(owner, candidates, _Candidate(area, first + 1, "LOC", "rule", 0.6))
    return first + 1


def _split_at_verbs(tokens: Tokens, a: int, span: tuple[int, int, str, float]) -> list[tuple[int, int, str, float]]:
    """Cut a tagged span (token offsets from ``a``) at the lower-case verbs inside it.

    "Kementerian Sosial mengajak Himpunan Mahasiswa Islam" is two names: a name holds
    lower-case link words ("Kementerian Hukum dan HAM") but no verb ("mengajak", "dilantik").
    """
    first, last, type_, confidence = span
    words, keys = tokens.words, tokens.keys
    cuts = [k for k in range(first + 1, last - 1) if words[a + k].islower() and len(keys[a + k]) > 4
            and keys[a + k].startswith(VERB_PREFIXES) and keys[a + k] not in LINK_WORDS]
    if not cuts:
        return [span]
    cuts = [k for k in cuts if is_common_word(keys[a + k])]
    bounds = [first - 1, *cuts, last]
    return [(start + 1, end, type_, confidence) for start, end in zip(bounds, bounds[1:]) if end > start + 1] or [span]


def _split_nickname(text: str, tokens: Tokens, a: int,
                    span: tuple[int, int, str, float]) -> list[tuple[int, int, str, float]]:
    """Part a person's bracketed nickname from the name: "Joko Widodo (Jokowi)" is two names of one person.

    An organisation's bracketed short form stays in its name ("Badan Usaha Milik Negara (BUMN)").
    """
    first, last, type_, confidence = span
    if type_ != "PER" or last - first < 2 or not _bracketed_short_form(text, tokens, a + last - 1, a + last):
        return [span]
    return [(first, last - 1, type_, confidence), (last - 1, last, type_, confidence)]


def _split_paired_names(tokens: Tokens, a: int, span: tuple[int, int, str, float], owner: Sequence[int],
                        candidates: Sequence[_Candidate | None]) -> list[tuple[int, int, str, float]]:
    """Part two people that a dash pairs: at a spaced dash always ("Syaifuddin - Tatang Farhanul
    Hakim"), at a bare one where a known person opens the span and ends at the dash: "Prabowo-Sandi"
    is Prabowo and Sandi (a ticket), while "Jean-Pierre Raffarin" is one name."""
    first, last, type_, confidence = span
    if type_ != "PER" or last - first < 2:
        return [span]
    for k in range(a + first, a + last - 1):
        if _spaced_dash_after(tokens, k):  # "Syaifuddin - Tatang Farhanul Hakim", known or not
            cut = k + 1 - a
            return [(first, cut, type_, confidence), *_split_paired_names(tokens, a, (cut, last, type_, confidence),
                                                                          owner, candidates)]
        held = candidates[owner[k]] if owner[k] >= 0 else None
        # The known person opens the span: "Kantor Transisi Jokowi-JK" is an office, not a pair.
        if (held is not None and held.type == "PER" and held.method == "gazetteer" and held.last == k + 1
                and held.first == a + first and _dash_after(tokens, k)):
            cut = k + 1 - a
            return [(first, cut, type_, confidence), *_split_paired_names(tokens, a, (cut, last, type_, confidence),
                                                                          owner, candidates)]
    return [span]


# The compass and area words that continue an area's name after its head's office (AREA_OFFICES:
# "Camat Cilandak Mundir", "Lurah Cipete Selatan Budi").
_AREA_NAME_ENDINGS = frozenset("utara selatan timur barat tengah baru lama raya jaya indah hilir hulu ilir".split())


_AREA_PLACE_HEADS = frozenset("kecamatan kelurahan desa kampung dusun".split())


def _named_area(tokens: Tokens, candidates: Sequence[_Candidate | None], first: int, last: int) -> _Candidate | None:
    """The area the text named before with its place word whose name opens the run ``[first, last)``
    after its head's office, the longest if several ("Kecamatan Babakan Madang ... Camat Babakan
    Madang | Ridwan"), or None."""
    keys, found = tokens.keys, None
    for place in candidates:
        if place is not None and place.type == "LOC" and place.last - place.first >= 2 \
                and keys[place.first] in _AREA_PLACE_HEADS:
            size = place.last - place.first - 1
            if first + size < last and keys[first : first + size] == keys[place.first + 1 : place.last] \
                    and (found is None or size > found.last - found.first - 1):
                found = place
    return found


def _place_entry(tokens: Tokens, place: _Candidate | None) -> Entry | None:
    """The entry that names ``place`` (its own, or the one its words give an unknown place), so
    that its head's mention of it is the same actor; None without a place."""
    if place is None or place.entry is not None:
        return place.entry if place is not None else None
    return _unknown_entry("LOC", tokens.text[tokens.starts[place.first] : tokens.ends[place.last - 1]])


def _area_end(tokens: Tokens, first: int, last: int) -> int:
    """Where the area named after a district, ward or village head ends in the run ``[first,
    last)``; ``first`` when the run cannot hold both an area and a name: one word with no comma
    after it, or a known given name first ("Camat Budi Santoso")."""
    keys = tokens.keys
    if keys[first] in GIVEN_NAME_WORDS:
        return first
    if last - first == 1:
        # One word and a comma: the area, its head named after it ("Camat Ciawi, Budi Santoso, ...").
        return last if tokens.text.startswith(",", tokens.ends[first]) else first
    end = first + 1
    while end < last and keys[end] in _AREA_NAME_ENDINGS:
        end += 1
    return end


def _split_firm_holder(tokens: Tokens, a: int, span: tuple[int, int, str, float]) -> list[tuple[int, int, str, float]]:
    """A firm tagged with its officer's name after it ("Direktur Utama PT Transjakarta Welfizon
    Yuza") is the firm, then the officer (see _before_holder_name, which the rules use); so is a
    body whose bracketed short form comes before the name ("Ekonom Center of Reform on Economics
    (CORE) Indonesia Mohammad Faisal")."""
    first, last, type_, confidence = span
    start = a + first
    # A desk's English words may open the span ("Research Analyst Phintraco Sekuritas Alrich ..."): an office too.
    firm = _after_desk_words(tokens.keys, start, a + last) - a
    if last - first >= 3 and (firm > first or _office_before(tokens, start)):
        holder = _after_firm_words(tokens.text, tokens, a + firm, a + last) - a
        if holder > firm:  # "Analis Doo Financial Futures Lukman Leong", read as one name of either type
            return [(firm, holder, "ORG", confidence), (holder, last, "PER", confidence)]
    if type_ != "ORG" or last - first < 4 or not _office_before(tokens, start):
        return [span]
    if tokens.keys[start] in _FIRM_HEADS:
        opened = start
    else:
        closers = [k for k in range(start + 1, a + last) if ")" in tokens.text[tokens.ends[k - 1]:tokens.starts[k]]]
        if not closers:
            return [span]
        opened = closers[-1] - 1  # the holder's name comes after the short form
    holder = _before_holder_name(tokens, opened, a + last) - a
    if holder >= last:
        return [span]
    return [(first, holder, type_, confidence), (holder, last, "PER", confidence)]


def _without_leading_acronym(tokens: Tokens, a: int, span: tuple[int, int, str, float]) -> list[tuple[int, int, str, float]]:
    """A tagged person that opens with an acronym of three letters or more before two name words
    starts after it: "kasus BLBI Samadikun Hartono" names Samadikun Hartono, not "BLBI Samadikun
    Hartono". Two letters are often a person's initials ("BJ Habibie"); ranks go later."""
    first, last, type_, confidence = span
    start = a + first
    word = tokens.words[start]
    if (type_ != "PER" or last - first < 3 or len(word) < 3 or not word.isalpha() or not word.isupper()
            or tokens.keys[start] in _RANK_WORDS or tokens.keys[start] in TITLES or tokens.keys[start] in ROLE_HEADS
            or not all(_name_word(tokens, k) for k in range(start + 1, a + last))):
        return [span]
    return [(first + 1, last, type_, confidence)]


def _without_class_place(tokens: Tokens, a: int, span: tuple[int, int, str, float]) -> list[tuple[int, int, str, float]]:
    """A tagged person right after a body's class opens with the body's place: "Lapas Kelas I |
    Cipinang Wachid Wibowo" names Wachid Wibowo (see ``_CLASS_NUMERALS``)."""
    first, last, type_, confidence = span
    start = a + first
    if type_ == "PER" and last - first >= 3 and _classed_body(tokens.keys, start):
        return [(first + 1, last, type_, confidence)]
    return [span]


def _without_trailing_rank(tokens: Tokens, a: int, span: tuple[int, int, str, float]) -> list[tuple[int, int, str, float]]:
    """A tagged body or place ends before the rank of the holder named after it: "Kasat Reskrim Polres
    Metro Bekasi Kota AKBP Muhammad Firdaus" tags "Polres Metro Bekasi Kota AKBP". Where the span
    runs on over the holder's name ("Polresta Malang Kota Kompol Danang Yudanto"), the name after
    the rank is the holder's."""
    first, last, type_, confidence = span
    if type_ == "PER":
        return [span]
    keys, words = tokens.keys, tokens.words
    if keys[a + last - 1] not in _RANK_WORDS:
        for rank in range(max(first, last - 4), last - 1):
            if keys[a + rank] in _RANK_WORDS and all(
                    words[a + k][0].isupper() and words[a + k].isalpha() and not words[a + k].isupper()
                    for k in range(rank + 1, last)):
                # What goes before the rank stays, unless it is a lone place noun ("Kota" of "Malang Kota").
                alone = rank == first or (rank == first + 1 and keys[a + first] in PLACE_NOUNS)
                return [(first, rank, type_, confidence), (rank + 1, last, "PER", confidence)][alone:]
        return [span]
    while last > first and tokens.keys[a + last - 1] in _RANK_WORDS:
        last -= 1
    return [(first, last, type_, confidence)] if last > first else []


def _unit_area_end(keys: Sequence[str], first: int, last: int) -> int:
    """Where a known unit area (``UNIT_AREAS``) that opens ``[first, last)`` ends; ``first`` if none."""
    for size in range(min(_LONGEST_UNIT_AREA, last - first), 0, -1):
        if tuple(keys[first:first + size]) in UNIT_AREAS:
            return first + size
    return first


def _unit_office_before(tokens: Tokens, start: int) -> int:
    """The unit office word at most ``_LONGEST_UNIT_AREA`` capitalised words before ``start`` (the
    tagger may split a unit's area: "Kapolda Metro | Jaya Karyoto"), or -1."""
    for office in range(start - 1, max(start - _LONGEST_UNIT_AREA - 1, -1), -1):
        if tokens.keys[office] in UNIT_OFFICES:
            return office
        if not tokens.words[office][:1].isupper() or not tokens.joined[office]:
            break
    return -1


def _split_office_place(tokens: Tokens, a: int, span: tuple[int, int, str, float], owner: list[int],
                        candidates: list[_Candidate]) -> list[tuple[int, int, str, float]]:
    """Part an office's place or body from its holder: "Bupati Bogor Ade Yasin" is a place and a
    person, "Polres Bogor AKP Teguh Kumara" a police force and a person.

    The tagger reads such a run as one place or organisation. When a known place or organisation
    opens the span (an organisation perhaps followed by known places: "BPBD Jatim"), an office
    word stands before the span or a rank right after the known names,
    and the rest is one to four capitalised words that could be a name (none of them continues a
    place's name, as "Selatan" or "Raya" would), the known name keeps its span and the rest is a
    person (its rank is stripped later). Span offsets are from the sentence's first token ``a``.
    """
    first, last, type_, confidence = span
    start = a + first
    if type_ == "PER":
        office = _unit_office_before(tokens, start)
        if office >= 0:
            area_end = _unit_area_end(tokens.keys, office + 1, a + last)
            if start < area_end < a + last:  # "Kapolda Metro | Jaya Karyoto": the area's end, then the holder
                return [(area_end - a, last, "PER", confidence)]
        if start > 0 and tokens.keys[start - 1] in AREA_OFFICES:
            named = _named_area(tokens, candidates, start, a + last)
            area_end = start + named.last - named.first - 1 if named else _area_end(tokens, start, a + last)
            if area_end > start:  # "Camat Cilandak Mundir", read by the tagger as one person
                area = (first, area_end - a, "LOC", confidence)
                return [area, (area_end - a, last, "PER", confidence)] if area_end < a + last else [area]
    known = candidates[owner[start]] if owner[start] >= 0 else None
    if (known is not None and known.type == "LOC" and known.method == "gazetteer" and known.first == start
            and type_ in ("PER", "LOC") and 2 <= a + last - known.last <= 3
            and all(owner[k] < 0 for k in range(known.last, a + last))
            and _name_shaped(tokens.text, tokens, known.last, a + last, dictionary_words=1)
            and (type_ == "PER" or (a + last < len(tokens.words) and tokens.words[a + last][0].islower()))):
        # A known place, then a person's name: "Duta Besar Jepang untuk Indonesia | Masaki Yasushi",
        # "Kepala Kantor SAR Surabaya | Nanang Sigit menyebut ..." (a place's name runs on into no verb).
        return [(first, known.last - a, "LOC", confidence), (known.last - a, last, "PER", confidence)]
    if type_ == "PER":
        return [span]
    if (type_ == "LOC" and last - first >= 4 and start > 0 and tokens.keys[start] in PLACE_HEADS
            and tokens.keys[start - 1] in ROLE_HEADS and _name_shaped(tokens.text, tokens, start + 2, a + last)):
        # "Kepala Desa Kohod Arsin bin Asip", read as one place: the village, then its head.
        return [(first, first + 2, "LOC", confidence), (first + 2, last, "PER", confidence)]
    if known is None or known.type not in ("LOC", "ORG") or known.method != "gazetteer" or known.first != start:
        return _split_at_rank(tokens, a, span, owner)
    keys, words = tokens.keys, tokens.words
    # Known places may follow an organisation before its holder: "Kepala BPBD Jatim Gatot Soebroto".
    places: list[tuple[int, int, str, float]] = []
    body_end = known.last
    while body_end < a + last and known.type == "ORG" and owner[body_end] >= 0:
        place = candidates[owner[body_end]]
        if place is None or place.type != "LOC" or place.method != "gazetteer" or place.first != body_end \
                or place.last > a + last:
            break
        places.append((body_end - a, place.last - a, "LOC", confidence))
        body_end = place.last
    holder = body_end
    while holder < a + last and (keys[holder] in ROLE_HEADS or keys[holder] in RANKS or keys[holder] in TITLES) \
            and words[holder][0].isupper():
        holder += 1
    office = start - 1 - (start >= 2 and keys[start - 1] in HOLDER_STANDINGS)  # "Bupati nonaktif Labuhanbatu ..."
    office -= office > 0 and keys[office] == "kantor"  # "Kepala Kantor Kemenag Garut Saepulloh": a regional office
    # An office of two words or more ends in a portfolio's word: "Sekretaris Daerah Kota Bogor ...".
    while office > 0 and start - office < 3 and keys[office] in PORTFOLIO_WORDS and keys[office] not in ROLE_HEADS \
            and words[office][0].isupper():
        office -= 1
    if holder == body_end and (office < 0 or keys[office] not in ROLE_HEADS):
        return [span]  # neither an office before nor a rank after: the tagger's reading stands
    rest = range(holder, a + last)
    if not 0 < len(rest) <= 4 or any(owner[k] >= 0 or not words[k][0].isupper() or keys[k] in _NO_NAME_ALONE
                                     for k in rest):
        return [span]
    if a + last < len(words) and tokens.joined[a + last - 1] and words[a + last][0].isupper():
        return [span]  # more capitalised words follow: the holder's name would be cut ("... Center Ma Mingqiang")
    return [(first, known.last - a, known.type, confidence), *places, (body_end - a, last, "PER", confidence)]


def _split_at_rank(tokens: Tokens, a: int, span: tuple[int, int, str, float],
                   owner: list[int]) -> list[tuple[int, int, str, float]]:
    """Part a holder after a rank from a tagged place or organisation: "Kasdam Jaya Brigjen Eko" is
    an office ("Kasdam Jaya", no actor) and a person; "Kodam Jaya Brigjen Eko" a unit and a person.

    The holder is the one to four name words that end the span after its last rank word. What
    stands before the ranks stays an actor of the tagger's type unless an office word opens it.
    """
    first, last, type_, confidence = span
    keys, words = tokens.keys, tokens.words
    ranks = [k for k in range(a + first, a + last) if keys[k] in _RANK_WORDS and words[k][0].isupper()]
    if not ranks:
        return [span]
    holder, opening = ranks[-1] + 1, ranks[-1]
    while opening > a + first and keys[opening - 1] in _RANK_WORDS:
        opening -= 1
    rest = range(holder, a + last)
    if not 0 < len(rest) <= 4 or any(owner[k] >= 0 or not _name_word(tokens, k) or keys[k] in _NO_NAME_ALONE
                                     for k in rest):
        return [span]
    person = (holder - a, last, "PER", confidence)
    if opening == a + first or keys[a + first] in ROLE_HEADS or keys[a + first] in UNIT_OFFICES:
        return [person]
    return [(first, opening - a, type_, confidence), person]


def _opens_bracket(gap: str) -> bool:
    """Whether the text between two words opens a bracket glued to the second ("Negara (BUMN")."""
    return gap.endswith("(")


def _bracketed_short_form(text: str, tokens: Tokens, first: int, last: int) -> bool:
    """Whether tokens ``[first, last)`` are one bracketed word glued to its brackets right after a name: " (BUMN)"."""
    return (last == first + 1 and text[tokens.ends[first - 1] : tokens.starts[first]].endswith("(")
            and text.startswith(")", tokens.ends[first]))


def _drop_untagged_places(tokens: Tokens, owner: list[int], candidates: list[_Candidate], a: int,
                          tagged: Sequence[bool]) -> None:
    """Drop known places used as modifiers, and short organisation acronyms, that the tagger, which
    saw them as features, left untagged.

    ``tagged`` marks the tokens of the tagger's spans in the sentence starting at token ``a``.
    Only modifiers go ("produk China", "PKB Indonesia"): a place the tagger missed after an office,
    a preposition or a verb ("Menteri Israel", "dan Iran", "mengunjungi Rusia") stays an actor, and
    known persons and organisations other than short acronyms ("DPD") always stay.
    """
    for k in range(a, a + len(tagged)):
        held = candidates[owner[k]] if owner[k] >= 0 else None
        if held is None or held.first != k or held.method != "gazetteer" or any(tagged[held.first - a : held.last - a]):
            continue
        # A short acronym of an organisation ("DPD", "MA") is the gazetteer's least sure reading:
        # where the tagger read it and said no ("Ketua DPD Partai …", a party's board), it goes.
        acronym = held.type == "ORG" and held.confidence <= _ACRONYM_CONFIDENCE
        if not acronym and (held.type != "LOC" or not _modifies(tokens, owner, candidates, k)):
            continue
        if acronym and _office_body(tokens, owner, candidates, k, held.last, a, tagged):
            continue
        candidates[owner[k]] = None  # type: ignore[call-overload]
        for j in range(held.first, held.last):
            owner[j] = -1


def _office_body(tokens: Tokens, owner: Sequence[int], candidates: Sequence[_Candidate | None], first: int,
                 last: int, a: int, tagged: Sequence[bool]) -> bool:
    """Whether the name at ``tokens[first:last]`` closes a stated role before its holder's tagged
    name: "Direktur Utama PLN Darmawan Prasodjo" names PLN, whose director he is. Not "DPD": a
    party's regional board shares the Senate's acronym ("Ketua DPD Sumarno"), and only the tagger
    can tell them apart."""
    return (tokens.keys[first] != "dpd" and last - a < len(tagged) and tagged[last - a] and tokens.joined[last - 1]
            and _role_before(tokens.text, tokens, owner, candidates, first) is not None)


def _modifies(tokens: Tokens, owner: Sequence[int], candidates: Sequence[_Candidate | None], k: int) -> bool:
    """Whether the name at ``tokens[k]`` qualifies the word before it: an organisation or a common
    noun. An office's area is no qualifier ("Gubernur Jawa Tengah", "Menteri Israel"): the fast
    profile reads it as an actor beside the holder, and so does the full one, though IDNer, which
    trained the tagger, leaves it untagged."""
    if k == 0 or not tokens.joined[k - 1]:
        return False
    word, key = tokens.words[k - 1], tokens.keys[k - 1]
    before = candidates[owner[k - 1]] if owner[k - 1] >= 0 else None
    if key in ROLE_HEADS:
        return False
    if before is not None and before.type == "ORG":
        return True
    if not (word.isalpha() and word.islower()) or key in LINK_WORDS or key in _ACTING_NOUNS:
        return False
    # After a verb a place is its object ("mengunjungi Rusia"), not a qualifier.
    return not reads_as_verb(key)


# Nouns whose country is the one acting, not a kind ("serangan Israel", "agresi Rusia"): the
# country stays an actor where the tagger left it untagged.
_ACTING_NOUNS = frozenset("serangan agresi invasi blokade".split())


def _may_contain(type_: str, inner: set[str]) -> bool:
    """Whether a tagged span of ``type_`` may swallow known names of the ``inner`` types."""
    return inner <= {type_} or (type_ == "ORG" and inner <= {"ORG", "LOC"})


# --- cues ---------------------------------------------------------------------------------


def _role_before(text: str, tokens: Tokens, owner: Sequence[int],
                 candidates: Sequence[_Candidate | None], first: int) -> int | None:
    """Index of the token opening a stated role right before ``tokens[first]``, if there is one."""
    k = first - 1
    # "Penasihat kebijakan luar negeri Rusia, Yuri Ushakob": one comma may sit before the name.
    if k < 0 or (not tokens.joined[k] and text[tokens.ends[k] : tokens.starts[first]].strip() not in (",", ")", "),")):
        return None
    opening, steps = None, 0
    while k >= 0 and steps < 10:
        held = candidates[owner[k]] if owner[k] >= 0 else None
        if held is not None:
            if held.type == "PER":
                break
            k = held.first  # a known name inside the role ("PT Pertamina (Persero)") is read whole
        elif tokens.keys[k] in ROLE_HEADS:
            opening = k
        elif not (tokens.words[k][0].isupper() or tokens.keys[k] in ROLE_WORDS or tokens.keys[k] in FIELD_WORDS):
            break
        if k >= 2 and not tokens.joined[k - 1] and tokens.words[k - 1].isupper() \
                and _bracketed_short_form(text, tokens, k - 1, k):
            k -= 2  # "Jaksa Penuntut Umum (JPU) Kejari Surabaya": the office's short form between
        elif k == 0 or not tokens.joined[k - 1]:
            break
        else:
            k -= 1
        steps += 1
    return opening


def _cue_before(tokens: Tokens, owner: Sequence[int], first: int) -> bool:
    """An attribution verb or title right before the name, or a relation ("rekannya dari Korea Selatan")."""
    k = first - 1
    if k >= 0 and tokens.joined[k] and (tokens.keys[k] in _RULE_CUES_BEFORE or tokens.keys[k] in TITLES):
        return True
    return _relation_before(tokens, owner, first)


# A contest names the other side right after its verb ("mengalahkan Shi Yu Qi") or after "dari"
# ("takluk dari Shi Yu Qi") and "atas" ("menang atas ...") following it: a player or a team.
_BEATING_VERBS = frozenset("mengalahkan menaklukkan menundukkan mengandaskan menekuk menyingkirkan mengungguli "
                           "menjungkalkan".split())
_LOSING_VERBS = {"dari": frozenset("kalah takluk tumbang keok tersingkir".split()), "atas": frozenset({"menang"})}


def _opponent_before(tokens: Tokens, before: int) -> bool:
    """Whether the word at ``before`` ends a contest's verb, so that a name follows it."""
    key = tokens.keys[before]
    if key in _BEATING_VERBS:
        return True
    losing = _LOSING_VERBS.get(key)
    return losing is not None and before > 0 and tokens.joined[before - 1] and tokens.keys[before - 1] in losing


def _opponent_named(text: str, tokens: Tokens, first: int, last: int) -> bool:
    """Whether ``[first, last)`` after a contest's verb is a player's name: two words or more, apart
    by single spaces or hyphens ("An Se-young"), one of them no dictionary word, no acronym first.
    One word is as often a club ("mengalahkan Siena"), and a pair is two players ("Rosiana Tendean
    / Imelda Wiguna")."""
    return (last - first >= 2 and not tokens.words[first].isupper() and _holds_unknown_word(tokens, first, last)
            and all(text[tokens.ends[k]:tokens.starts[k + 1]] in (" ", "-") for k in range(first, last - 1)))


def _relation_before(tokens: Tokens, owner: Sequence[int], first: int) -> bool:
    """A relation before the name, across known names and "dari" ("rekannya dari Korea Selatan")."""
    k = first - 1
    while k >= 0 and tokens.joined[k] and (owner[k] >= 0 or tokens.keys[k] == "dari") and first - k < 6:
        k -= 1
    return k >= 0 and k < first - 1 and tokens.joined[k] and tokens.keys[k] in RELATIONS


def _apposition_after(text: str, tokens: Tokens, last: int) -> bool:
    """ "John Nilsson-Wright, kepala program …": a comma, then a role."""
    return (last < len(tokens.words) and tokens.keys[last] in ROLE_HEADS
            and text[tokens.ends[last - 1] : tokens.starts[last]].strip() == ",")


# A person's age in brackets right after their name: "Siti (35)", "Budi Santoso (42 tahun)".
_AGE = re.compile(r" \(\d{1,2}(?: tahun| thn| th)?\)")
_AGE_AT_END = re.compile(r"\s*\(\d{1,2}(?: tahun| thn| th)?\)\Z")


def _age_after(text: str, tokens: Tokens, last: int) -> bool:
    """Whether an age in brackets follows the run ending before token ``last`` (a person's mark)."""
    end = tokens.ends[last - 1]
    return text.startswith(" (", end) and _AGE.match(text, end) is not None


def _described_after(text: str, tokens: Tokens, last: int) -> bool:
    """Whether the run ending before token ``last`` is described as one of some people right after
    it ("Rudi, seorang pedagang di Pasar Kramat Jati, mengaku ..."): a person."""
    return text.startswith(_ONE_OF, tokens.ends[last - 1])


_ONE_OF_WORDS = ("seorang ", "salah seorang ", "salah satu ")
_ONE_OF = tuple(", " + words for words in _ONE_OF_WORDS)


# Adverbs between a subject and its verb ("Rachlan juga menegaskan", "Hanung pun mengatakan").
_ADVERBS_BEFORE_VERBS = frozenset(
    "juga pun kembali lantas langsung sudah telah sempat bahkan lalu kemudian pula kompak serentak".split())


def _verb_after(text: str, tokens: Tokens, last: int) -> bool:
    """Whether a subject's verb follows word ``last - 1``, right after it or after one adverb."""
    keys = tokens.keys
    if last >= len(keys) or text[tokens.ends[last - 1] : tokens.starts[last]].strip(" ,") != "":
        return False
    if keys[last] in _ADVERBS_BEFORE_VERBS:
        last += 1
        if last >= len(keys) or text[tokens.ends[last - 1] : tokens.starts[last]] != " ":
            return False
    return keys[last] in _SUBJECT_VERBS


def _is_credit(text: str, row: tuple, outlet: str) -> bool:
    """Whether an agency or outlet mention (a row in Mention order) only credits a source, not an actor of the story."""
    start, end = row[_START], row[_END]
    if outlet and fold(outlet).startswith(fold(row[_NAME])[:6]):
        return True
    before = text[max(0, start - 40) : start]
    # The cheap tests first; the answer does not depend on their order.
    if before.rfind("(") > before.rfind(")"):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    if start - line_start < 60 and _DATELINE_TAIL.match(text, end) is not None:
        return True
    return not CREDIT_CUES.isdisjoint(map(fold, _WORDS.findall(before)[-4:]))


# --- resolution ---------------------------------------------------------------------------


def _resolve(text: str, tokens: Tokens, owner: Sequence[int], candidates: list[_Candidate | None], gazetteer,
             options) -> list[tuple]:
    """Name, merge and describe candidates: short forms, fuzzy matches, roles (rows in Mention order)."""
    live = sorted(filter(None, candidates), key=_FIRST)
    starts, ends, words, keys = tokens.starts, tokens.ends, tokens.words, tokens.keys
    n = len(keys)
    rows: list[tuple] = []
    declared: dict[str, Entry] = {}  # short forms the text declared in brackets: "(IAPI)"
    for candidate in live:
        first, last = candidate.first, candidate.last
        start, end = starts[first], ends[last - 1]
        if text.startswith(")", end) and text.count("(", start, end) > text.count(")", start, end):
            end += 1  # "PT Pertamina (Persero)"
        surface = text[start:end]
        entry = candidate.entry
        if (end - start == 2 and surface in _INITIALS_LIKE_ALIASES and first > 0 and keys[first - 1] in _RANK_WORDS
                and (last == n or not words[last][0].isupper())):
            # "Bripda AS ditahan": a person's initials after a rank ("Kolonel AS Mark Smith" is American).
            entry, resolution = _unknown_entry("PER", surface), ""
        elif entry is not None:
            resolution = candidate.resolution
        elif surface in declared:
            entry = declared[surface]
            resolution = f"short:{surface}→{entry.name}"
        else:
            named, short = _split_short_form(surface) if surface.endswith(")") else (surface, "")
            entry, resolution = (_known_entry(named, candidate.type, gazetteer)
                                 if named != surface or _noble_titled(named, candidate.type) else (None, ""))
            if entry is None:
                entry, resolution = _fuzzy_entry(named, candidate.type, gazetteer, options)
            # An unknown name keeps its own actor even where its short form is known: "Dewan
            # Pimpinan Daerah (DPD)" is a party's branch, not the DPD of the gazetteer.
            if entry is None:
                entry = _unknown_entry(candidate.type, named)
            if short:
                declared[short] = entry
        type_ = entry.type
        role = ""
        # Most persons follow a lower-case word that opens no role and no apposition follows
        # them: only then is the full look-up skipped (it finds nothing there).
        if type_ == "PER" and ((first > 0 and (owner[first - 1] >= 0 or keys[first - 1] in _ROLE_OPENERS
                                              or words[first - 1][0].isupper()))
                               or (last < n and keys[last] in ROLE_HEADS)):
            role = _role(text, tokens, owner, candidates, live, candidate)
        rows.append((start, end, surface, entry.actor_id, entry.name, type_, entry.subtype, role,
                     candidate.confidence, candidate.method, resolution))
    return _resolve_short_forms(rows, live, text=text, tokens=tokens)


# One or two capitalised words in brackets ending a name: "(IAPI)", "(BPH Migas)", "(Dinkes)".
_BRACKETED_TAIL = re.compile(r"\s*\(([A-Z][\w&.-]*(?: [A-Z][\w&.-]*)?)\)$")


def _split_short_form(surface: str) -> tuple[str, str]:
    """A name and the short form bracketed after it: ``"Badan Kesehatan Dunia (WHO)"`` →
    ``("Badan Kesehatan Dunia", "WHO")``. Other bracketed words, such as a legal form, are left
    out of the name but declare nothing: ``"PT Telkom Indonesia (Tbk)"`` → ``("PT Telkom Indonesia", "")``.
    """
    match = _BRACKETED_TAIL.search(surface)
    if match is None or match.start() == 0:
        return surface, ""
    short, name = match.group(1), surface[: match.start()]
    return name, short if _is_short_form(short, name) else ""


def _is_short_form(short: str, name: str) -> bool:
    """Whether ``short`` can stand for ``name``: it holds two capitals (``IAPI``, ``BPH Migas``)
    or abbreviates it, its letters in the name's order from its first (``Dinkes``, ``Kemenkes``);
    ``Persero`` and ``Tbk`` do neither."""
    return sum(map(str.isupper, short)) >= 2 or _abbreviates(short.lower(), name.lower())


def _abbreviates(short: str, name: str) -> bool:
    """Whether ``short``'s letters occur in ``name`` in order, the first at its start."""
    if not short or not name.startswith(short[0]):
        return False
    position = 0
    for letter in short:
        position = name.find(letter, position) + 1
        if not position:
            return False
    return True


def _known_entry(name: str, type_: str, gazetteer) -> tuple[Entry | None, str]:
    """The known actor a name stands for once its bracketed tail is off ("PT Telkom Indonesia
    (Tbk)"), also without a firm's "PT" ("PT Telkom Indonesia" is Telkom Indonesia) or a
    person's noble title ("Sultan Hamengku Buwono X" is the known Hamengku Buwono X)."""
    entry = _exact_entry(name, type_, gazetteer)
    if entry is None and ((type_ == "ORG" and name.startswith(("PT ", "PT. "))) or _noble_titled(name, type_)):
        entry = _exact_entry(name.split(None, 1)[1], type_, gazetteer)
    return (entry, f"known:{name}→{entry.name}") if entry is not None else (None, "")


def _noble_titled(name: str, type_: str) -> bool:
    """Whether a person's name opens with a noble title and goes on after it."""
    title, _, rest = name.partition(" ")
    return type_ == "PER" and bool(rest) and title.lower() in NOBLE_TITLES


def _exact_entry(alias: str, type_: str, gazetteer) -> Entry | None:
    """The gazetteer's actor of ``type_`` with this alias (an all-capitals alias matches its case)."""
    found = gazetteer.index.get(alias_key(alias))
    if found is None or found[0].type != type_ or (found[2] is not None and found[2] != alias.split()):
        return None
    return found[0]


@lru_cache(maxsize=65536)
def _unknown_entry(type_: str, surface: str) -> Entry:
    """The entry of a name the gazetteer does not know (cached: such names recur across articles).
    A person's noble title is no part of the id: "Pangeran Diponegoro" and "Diponegoro", "Ratu
    Elizabeth II" and "Elizabeth II" are one actor, whether a profile's pass kept the title or not."""
    named = surface.partition(" ")[2] if _noble_titled(surface, type_) else surface
    return Entry(actor_id(type_, named), _display_name(surface), type_)


def _fuzzy_entry(surface: str, type_: str, gazetteer, options) -> tuple[Entry | None, str]:
    """The gazetteer entry a misspelt name stands for (cached per name, see :func:`_fuzzy_lookup`)."""
    return _fuzzy_lookup(surface, type_, gazetteer, options["fuzzy_threshold"], options["fuzzy_token_threshold"])


@lru_cache(maxsize=65536)
def _fuzzy_lookup(surface: str, type_: str, gazetteer, threshold: int, token_threshold: int) -> tuple[Entry | None, str]:
    """The gazetteer entry a misspelt name stands for, under guards; else ``(None, "")``.

    Guards against false merges: same type, same number of words, every word starting with the
    same letter and close on its own (so Kim Jong Il never becomes Kim Jong Un), an acronym
    spelt exactly (BPD Riau, a bank, is not BPBD Riau), and a high overall score.
    """
    from rapidfuzz import fuzz, process

    raw = re.findall(r"\w+", surface)
    words = [fold(w) for w in raw]
    if len(words) < 2:
        return None, ""
    choices = _fuzzy_choices(gazetteer, type_, len(words))
    if not choices:
        return None, ""
    best = process.extractOne(" ".join(words), list(choices), scorer=fuzz.ratio, score_cutoff=threshold)
    if best is None:
        return None, ""
    candidate_words = best[0].split()
    for original, mine, theirs in zip(raw, words, candidate_words):
        if mine[0] != theirs[0] or fuzz.ratio(mine, theirs) < token_threshold or (
                original.isupper() and len(original) <= 5 and mine != theirs):
            return None, ""
    entry = choices[best[0]]
    return entry, f"fuzzy:{round(best[1])} {surface}→{entry.name}"


_FUZZY_CACHE: dict[tuple[object, str, int], dict[str, Entry]] = {}


def _fuzzy_choices(gazetteer, type_: str, n_words: int) -> dict[str, Entry]:
    key = (gazetteer, type_, n_words)
    if key not in _FUZZY_CACHE:
        choices: dict[str, Entry] = {}
        for words, (entry, _, exact) in gazetteer.index.items():
            if entry.type == type_ and len(words) == n_words and not exact and words not in gazetteer.exact_only:
                choices.setdefault(" ".join(words), entry)
        _FUZZY_CACHE[key] = choices
    return _FUZZY_CACHE[key]


def _resolve_short_forms(rows: list[tuple], candidates: Sequence[_Candidate], *, text: str = "",
                         tokens: Tokens | None = None) -> list[tuple]:
    """Map short person mentions (``Matthew``, ``Nilsson-Wright``) to the one longer name holding
    their words; not a one-word name introduced with an age in ``text`` ("Khan (33)": someone else)."""
    # Only mentions without an entry can be short forms: a C-level test before any row is read.
    if not any(map(operator.is_, map(_ENTRY, candidates), repeat(None))):
        return rows
    shorts = [k for k in compress(range(len(candidates)), map(operator.is_, map(_ENTRY, candidates), repeat(None)))
              if rows[k][_TYPE] == "PER" and not rows[k][_RESOLUTION]
              and not (tokens is not None and candidates[k].last - candidates[k].first == 1
                       and _age_after(text, tokens, candidates[k].last))]
    if not shorts:
        return rows
    full: dict[str, tuple] = {}
    for row in rows:
        if row[_TYPE] == "PER" and " " in row[_NAME]:
            full.setdefault(row[_ACTOR_ID], row)
    words_of = {aid: _name_words(row[_NAME]) for aid, row in full.items()}
    # Rows other than the short forms stay as they are: only the short forms are visited, and
    # the kept stretches between them are copied whole.
    resolved: list[tuple] = []
    kept = 0
    for k in shorts:
        resolved += rows[kept:k]
        kept = k + 1
        row, candidate = rows[k], candidates[k]
        mine = _name_words(row[_SURFACE])
        owners = [aid for aid, words in words_of.items() if mine < words]
        if len(owners) == 1:
            target = full[owners[0]]
            resolved.append(row[:_ACTOR_ID] + (target[_ACTOR_ID], target[_NAME], row[_TYPE], target[_SUBTYPE])
                            + row[_ROLE:_RESOLUTION] + (f"short:{row[_SURFACE]}→{target[_NAME]}",))
        elif len(owners) > 1:
            names = " | ".join(sorted(full[aid][_NAME] for aid in owners))
            resolved.append(row[:_CONFIDENCE] + (0.3, row[_METHOD], f"ambiguous:{row[_SURFACE]}: {names}"))
        elif not candidate.weak:
            resolved.append(row)
    resolved += rows[kept:]
    return resolved


@lru_cache(maxsize=65536)
def _name_words(name: str) -> frozenset[str]:
    """The folded words of a name (cached: the same names recur in every article)."""
    return frozenset(fold(w) for w in re.findall(r"\w+", name))


def _role(text: str, tokens: Tokens, owner: Sequence[int], candidates: Sequence[_Candidate | None],
          live: Sequence[_Candidate], candidate: _Candidate) -> str:
    """The role stated right before a person (``Presiden Rusia``) or in an apposition after it."""
    opening = _role_before(text, tokens, owner, candidates, candidate.first)
    if opening is not None and _attributed_office_then_clause(text, tokens, opening, candidate):
        opening = None
    if opening is not None:
        end = candidate.first - 1
        # Titles and ranks before the name are not the role ("Kapolri Jenderal Listyo Sigit" is the Kapolri).
        while end > opening and (tokens.keys[end] in TITLES or tokens.keys[end] in _RANK_WORDS or (
                tokens.keys[end] == "jenderal" and tokens.keys[end - 1] not in _GENERAL_OFFICES)):
            end -= 1
        if tokens.keys[opening] not in TITLES:
            role = text[tokens.starts[opening] : tokens.starts[end + 1]].strip(" ,")
            return role[:-4] if role.endswith(" dan") else role  # "Direktur Pemasaran dan" before a name
    last = candidate.last
    if last < len(tokens.words) and text[tokens.ends[last - 1] : tokens.starts[last]].strip() == ",":
        if tokens.keys[last] in ROLE_HEADS:
            stop = text.find(",", tokens.starts[last])
            sentence_end = min((p for p in (text.find(".", tokens.starts[last]), text.find("\n", tokens.starts[last]))
                                if p >= 0), default=len(text))
            stop = sentence_end if stop < 0 else min(stop, sentence_end)
            phrase = text[tokens.starts[last] : stop].strip()
            # "kedatangan Putin, pemimpin Korea Utara, Kim Jong Un": the role of the next name. Only
            # the first name after the phrase can follow it with a bare comma between.
            following = bisect_right(live, stop, key=lambda c: tokens.starts[c.first])
            next_person = following < len(live) and live[following].type == "PER" and (
                text[stop : tokens.starts[live[following].first]].strip() == ",")
            if len(phrase.split()) <= 14 and not next_person:
                return phrase
    return ""


_APPOSITION_CLOSERS = frozenset({",", ".", ")", "),", ";"})


def _attributed_office_then_clause(text: str, tokens: Tokens, opening: int, candidate: _Candidate) -> bool:
    """Whether an office after an attribution ends at a comma before a name that no comma closes:
    "Menurut Kapolres, Budi sudah lama diincar" reports the (unnamed) Kapolres on Budi, where
    "Menurut Direktur Indef, Tauhid Ahmad, ..." names the director."""
    keys, starts, ends = tokens.keys, tokens.starts, tokens.ends
    if opening == 0 or keys[opening - 1] != "menurut":
        return False  # after "kata", "ujar" ... the name is always the holder's: "kata juru bicara FPPP, Syumli"
    if text[ends[candidate.first - 1] : starts[candidate.first]].strip() != ",":
        return False
    last = candidate.last
    if last >= len(keys):
        return False
    return (text[ends[last - 1] : starts[last]].strip() not in _APPOSITION_CLOSERS
            and keys[last] not in NOT_SPEAKER_AFTER)  # "Menurut ..., Budi di Jakarta, ..."


def _display_name(surface: str) -> str:
    """Canonical display form of an unknown name: single spaces; a name set all in capitals
    ("AGUS HEBI DJUNIANTORO") title-cased but for its short words ("PT", "RI"). An acronym among
    other words stays one ("BPBD Surabaya", "Dinas PUPR Kabupaten Bekasi")."""
    words = surface.split()
    if len(words) < 2 or not all(word.isupper() for word in words):
        return " ".join(words)
    return " ".join(word.title() if len(word) > 3 else word for word in words)


# --- office references --------------------------------------------------------------------

# Offices written short, as news writes them once the holder is named ("Menteri Keuangan Sri
# Mulyani" ... "Menkeu mengatakan"): each stands for its office's words.
OFFICE_SHORT_FORMS = {short: tuple(full.split()) for short, full in (line.split(":") for line in """
menkeu:menteri keuangan|menkes:menteri kesehatan|menlu:menteri luar negeri|mentan:menteri pertanian
menhub:menteri perhubungan|menhan:menteri pertahanan|mendagri:menteri dalam negeri|menag:menteri agama
mensos:menteri sosial|mendag:menteri perdagangan|menperin:menteri perindustrian
menpora:menteri pemuda dan olahraga|menaker:menteri ketenagakerjaan|menkumham:menteri hukum dan hak asasi manusia
mensesneg:menteri sekretaris negara|menparekraf:menteri pariwisata dan ekonomi kreatif
menkominfo:menteri komunikasi dan informatika|menkomdigi:menteri komunikasi dan digital
menlhk:menteri lingkungan hidup dan kehutanan|menpupr:menteri pekerjaan umum dan perumahan rakyat
menbumn:menteri badan usaha milik negara|menesdm:menteri energi dan sumber daya mineral
mendikdasmen:menteri pendidikan dasar dan menengah|mendikbud:menteri pendidikan dan kebudayaan
mendes:menteri desa|menkop:menteri koperasi|menpanrb:menteri pendayagunaan aparatur negara dan reformasi birokrasi
wamenkeu:wakil menteri keuangan|wamenlu:wakil menteri luar negeri|wamenhan:wakil menteri pertahanan
wamenkes:wakil menteri kesehatan|wamendagri:wakil menteri dalam negeri|wamen:wakil menteri
menko:menteri koordinator|wapres:wakil presiden|wagub:wakil gubernur|wabup:wakil bupati|wawali:wakil wali kota|walkot:wali kota
walikota:wali kota|dirut:direktur utama|presdir:presiden direktur|sekjen:sekretaris jenderal|sekda:sekretaris daerah
ketum:ketua umum|jubir:juru bicara|dubes:duta besar
""".replace("\n", "|").strip("|").split("|"))}
# Words an office's name may leave out ("Menko Perekonomian", "Menteri Koordinator Bidang Perekonomian").
_OFFICE_FILLERS = frozenset("bidang urusan".split())
# Words that go on an office's name in lower case ("juru bicara", "menteri luar negeri").
_OFFICE_LOWER_WORDS = ROLE_WORDS - frozenset("dan dari dalam tetap".split())
# Words before an office that make it someone else's: its holder's aide, family or deputy, a past
# or future holder ("Ajudan Bupati mengatakan", "mantan Presiden", "calon Gubernur").
_NOT_THE_HOLDER_BEFORE = frozenset("""
ajudan staf staff asisten sekretaris juru pengacara kuasa utusan wakil mantan eks bekas calon kandidat
istri suami anak putra putri adik kakak ayah ibunda ayahanda menantu cucu keluarga kerabat pengawal
kantor istana rumah kediaman rombongan tim pendukung relawan lawan pesaing pengganti
""".split())
# Roles many people share, and ranks: alone they name no one in particular ("Anggota DPR mengatakan").
_SHARED_ROLES = frozenset("""
anggota pengamat analis peneliti pakar ekonom dosen guru profesor politikus politisi aktivis pengacara
kuasa legislator staf asisten deputi diplomat utusan senator perwira pejabat mantan hakim jaksa
capres cawapres bacapres bacawapres caleg cagub cawagub cabup cawabup plt pj plh
""".split()) | _RANK_WORDS
_OFFICE_STARTS = (ROLE_HEADS - _SHARED_ROLES) | frozenset(OFFICE_SHORT_FORMS)
# One post among a shared role's holders: "Jaksa Agung" is the Attorney General, "jaksa" any prosecutor.
_SHARED_ROLE_OFFICES = frozenset({("jaksa", "agung")})
_SHARED_OFFICE_HEADS = frozenset(first for first, _ in _SHARED_ROLE_OFFICES)
# Days after a reference are when it was said ("kata Kapolri Senin"), not part of the office.
_DAYS = frozenset("senin selasa rabu kamis jumat sabtu minggu".split())
_SENTENCE_MARKS = frozenset('.!?"“”\n')


def _office_references(text: str, tokens: Tokens, rows: list[tuple], gazetteer, published: str = "") -> list[tuple]:
    """``rows`` with the offices that stand for their holders added: once news names a person with
    an office ("Kapolri Jenderal Listyo Sigit Prabowo", "Kepala BMKG Dwikorita Karnawati"), the
    office alone, capitalised, refers back to them ("kata Kapolri", "Kepala BMKG mengatakan",
    "Menurut Gubernur, ..."), also written short ("Menkeu" for "Menteri Keuangan") or with less of
    its name ("Gubernur" for "Gubernur Jawa Tengah"). A reference is read only where one person
    named before it holds that office: "Presiden" after two presidents, an office before a name
    (its holder is named), and an office after a word that makes it someone else's ("ajudan
    Bupati", "mantan Presiden") stay unread. The added mention covers the office's words before
    any actor named in it ("Kepala" of "Kepala BMKG", whose BMKG stays a mention of its own);
    ``resolution`` reads ``office:<office>→<holder>``. Where no one named before holds it, an office
    of ``office_holders.tsv`` is the one who held it on the article's ``published`` day ("Kapolri
    meminta ..." in June 2024 is Listyo Sigit Prabowo), with ``method`` ``holders``.
    """
    holders = [row for row in compress(rows, map(_ROLE_OF, rows)) if row[_TYPE] == "PER"]
    dated = _office_holders(gazetteer) if _day_span(published) is not None else None
    if not holders and dated is None:
        return rows
    keys, words, starts, ends = tokens.keys, tokens.words, tokens.starts, tokens.ends
    offices = [(row[_START], row[_ACTOR_ID], _office_key(row[_ROLE], gazetteer), row) for row in holders]
    # Only office words whose key (two words: "Kepala Negara" is the president) opens a holder's are read on.
    firsts = {office[:1] for _, _, office, _ in offices if office} | (dated.firsts if dated is not None else set())
    positions = [k for k in (_compiled_heads or _capitalised_heads)(keys, words, _OFFICE_STARTS | _SHARED_OFFICE_HEADS)
                 if (keys[k] not in _SHARED_OFFICE_HEADS or tuple(keys[k : k + 2]) in _SHARED_ROLE_OFFICES)
                 and _office_key(" ".join(keys[k : k + 2]), gazetteer)[:1] in firsts]
    if not positions:
        return rows
    n = len(keys)
    row_starts = list(map(_START_OF, rows))

    def owner(k: int) -> int:
        """The row covering token ``k``, or -1 (rows do not overlap)."""
        index = bisect_right(row_starts, starts[k]) - 1
        return index if index >= 0 and rows[index][_END] > starts[k] else -1

    added: list[tuple] = []
    after = 0  # the token after the last office read
    for k in positions:
        if k < after or owner(k) >= 0 or _not_the_holder(text, tokens, owner, k):
            continue
        # The office's words: capitalised (no person's name) or lower-case office words, spaces between.
        last, named = k + 1, False
        while last < n and keys[last] not in _DAYS:
            gap = text[ends[last - 1] : starts[last]]
            if words[last][0].isupper():
                index = owner(last)
                if index >= 0 and rows[index][_TYPE] == "PER":
                    named = gap.strip() in ("", ",")
                    break
            elif keys[last] not in _OFFICE_LOWER_WORDS:
                break
            if not gap.isspace():
                break
            last += 1
        after = last
        if named:
            continue  # an office before its holder's name, or in apposition: the role, not a reference
        if any(keys[j] in _RANK_WORDS for j in range(k + 1, last)):
            continue  # a rank leads to a holder not read as a name ("Kapolda Irjen ...")
        phrase = text[starts[k] : ends[last - 1]]
        key = _office_key(phrase, gazetteer)
        matched = {actor for start, actor, office, _ in offices
                   if start < starts[k] and office[: len(key)] == key}
        if len(matched) == 1:
            actor = matched.pop()
            holder = next(row for start, aid, _, row in offices if aid == actor and start < starts[k])
            role, confidence, method = holder[_ROLE], 0.6, "rule"
        elif not matched and dated is not None and (entry := dated.holder(key, published,
                                                                        abroad=_names_abroad(rows))) is not None:
            holder = _entry_row(entry, phrase)
            role, confidence, method = phrase, 0.5, "holders"
        else:
            continue
        own = k + 1  # the office's own words, before any actor named in it
        while own < last and owner(own) < 0:
            own += 1
        start, end = starts[k], ends[own - 1]
        added.append((start, end, text[start:end], holder[_ACTOR_ID], holder[_NAME], "PER", holder[_SUBTYPE],
                      role, confidence, method, f"office:{phrase}→{holder[_NAME]}"))
    if not added:
        return rows
    return sorted(rows + added, key=_START_OF)


_ROLE_OF = itemgetter(_ROLE)


@dataclass(frozen=True)
class _OfficeHolders:
    """``office_holders.tsv`` read: each office's key → its tenures (first day, last day, holder,
    whether other countries have an office of that name)."""

    tenures: Mapping[tuple[str, ...], tuple[tuple[str, str, Entry, bool], ...]]
    firsts: frozenset[tuple[str, ...]]  # the offices' first words, as _office_references filters them

    def holder(self, office: tuple[str, ...], published: str, *, abroad: bool) -> Entry | None:
        """Who held ``office`` all through the day (or month, or year) ``published`` names, strictly
        inside a tenure (a change-over day names either holder); None where no one or unknown, and
        for an office other countries have too where the text names another country (``abroad``)."""
        span = _day_span(published)
        if span is None:
            return None
        return next((entry for first, last, entry, elsewhere in self.tenures.get(office, ())
                     if first < span[0] and span[1] < last and not (elsewhere and abroad)), None)


@lru_cache(maxsize=8)
def _office_holders(gazetteer) -> _OfficeHolders:
    """Read ``data/gazetteer/office_holders.tsv`` (cached per gazetteer): an open tenure ends on the
    file's ``as of`` day; a holder the gazetteer does not know gets a new actor."""
    path = config.DATA_DIR / "gazetteer" / "office_holders.tsv"
    tenures: dict[tuple[str, ...], list[tuple[str, str, Entry, bool]]] = {}
    as_of = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# as of:"):
            as_of = line.partition(":")[2].strip()
        if not line.strip() or line.startswith("#"):
            continue
        offices, scope, holder, first, *last = line.split("\t")
        found = gazetteer.index.get(alias_key(holder))
        entry = found[0] if found is not None and found[0].type == "PER" else _unknown_entry("PER", holder)
        for key in {_office_key(office, gazetteer) for office in offices.split("|")}:  # spellings may share one
            tenures.setdefault(key, []).append((first, last[0] if last and last[0] else as_of, entry,
                                                scope == "abroad"))
    return _OfficeHolders({key: tuple(found) for key, found in tenures.items()},
                          frozenset(key[:1] for key in tenures))


def _entry_row(entry: Entry, surface: str, *, role: str = "", confidence: float = 0.95,
               method: str = "gazetteer") -> tuple:
    """A known actor as a mention row (in :class:`Mention` field order) with no place in a text: a
    headline's speaker or actor the body does not name, an office's holder by date."""
    return (0, 0, surface, entry.actor_id, entry.name, entry.type, entry.subtype, role, confidence, method, "")


def _names_abroad(rows: Sequence[tuple]) -> bool:
    """Whether mention ``rows`` name a country other than Indonesia."""
    return any(row[_TYPE] == "LOC" and row[_SUBTYPE] == "country" and row[_ACTOR_ID] != _HOME_COUNTRY for row in rows)


_HOME_COUNTRY = "loc:indonesia"


def _day_span(published: str) -> tuple[str, str] | None:
    """The first and last ISO day ``published`` names ("2024-06-18T12:30" one day, "2024-06" a month,
    "2024" a year), compared as text; None where it names no year."""
    day = published[:10] if isinstance(published, str) else ""
    if len(day) == 10:
        return day, day
    if len(day) == 7:
        return f"{day}-01", f"{day}-31"
    if len(day) == 4 and day.isdigit():
        return f"{day}-01-01", f"{day}-12-31"
    return None


def _not_the_holder(text: str, tokens: Tokens, owner: Callable[[int], int], k: int) -> bool:
    """Whether the word before the office at token ``k`` makes it no reference to its holder: a
    word that makes it someone else's ("ajudan Bupati"), or a capitalised word that goes on a name
    ("Rapat Dewan Gubernur") rather than opening a sentence ("Menurut Gubernur")."""
    if k == 0 or not text[tokens.ends[k - 1] : tokens.starts[k]].isspace():
        return False
    key = tokens.keys[k - 1]
    if key in _NOT_THE_HOLDER_BEFORE:
        return True
    if not tokens.words[k - 1][0].isupper() or owner(k - 1) >= 0:
        return False
    at = _rstrip_end(text, tokens.starts[k - 1])
    return not ((at == 0 or text[at - 1] in _SENTENCE_MARKS) and is_common_word(key))


@lru_cache(maxsize=65536)  # roles and offices repeat across a corpus; the gazetteer is loaded once
def _office_key(office: str, gazetteer) -> tuple[str, ...]:
    """An office's words as a comparable key: folded, short forms written out ("Menkeu" →
    menteri keuangan), and a known actor named in it as its id ("Gubernur BI" and "Gubernur Bank
    Indonesia" share a key; "PT Pertamina" is Pertamina)."""
    words: list[str] = []
    for word in alias_key(office):
        if word not in _OFFICE_FILLERS:
            words.extend(OFFICE_SHORT_FORMS.get(word, (word,)))
    if words[:2] == ["kepala", "negara"]:  # the president's epithet
        words[:2] = ["presiden"]
    key: list[str] = []
    i = 0
    while i < len(words):
        if words[i : i + 2] == ["wali", "kota"]:  # one office, whose "Kota" would open a city's name
            key.append("wali kota")
            i += 2
            continue
        for j in range(min(len(words), i + 6), i, -1):  # the longest known name from here
            found = gazetteer.index.get(tuple(words[i:j]))
            if found is None and words[i] == "pt" and j > i + 1:
                found = gazetteer.index.get(tuple(words[i + 1 : j]))
            if found is not None and found[0].type != "PER":
                key.append(found[0].actor_id)
                i = j
                break
        else:
            key.append(words[i])
            i += 1
    return tuple(key)


# --- headline quotes ----------------------------------------------------------------------

# A headline that quotes: "Kapolri: Anggota yang Terlibat Akan Dipecat", "Prabowo soal Makan
# Bergizi Gratis: Anak-anak Harus Sehat" (the topic is no part of the speaker), and a quotation
# credited after it ('"Kami Siap Tempur", Kata Shin Tae-yong Jelang Laga Kontra Jepang').
_HEADLINE_MARKS = (":", '"', "\u201c", "'", "\u2018")
_HEADLINE_SAYS = re.compile(r"(?P<speaker>[^:\"\u201c\u201d\u2018\u2019]{2,60}?)(?:\s+soal\s+[^:]{2,80}?)?"
                            r"\s*:\s+(?P<text>\S.*)", re.IGNORECASE | re.DOTALL)
_HEADLINE_QUOTED = re.compile(r"[\"\u201c\u2018'](?P<text>[^\"\u201c\u201d\u2018\u2019]{4,}?)[,.!?]?"
                              r"[\"\u201d\u2019'],?\s+(?P<cue>kata|ujar|tegas|ucap|sebut|klaim|says|said)"
                              r"\s+(?P<speaker>\S.*)",
                              re.IGNORECASE | re.DOTALL)
# English copy's headline: "Sri Mulyani Says Deficit to Stay Below 3 Percent".
_HEADLINE_ENGLISH_SAYS = re.compile(r"(?P<speaker>[^:\"\u201c\u201d]{2,60}?)\s+Says\s+(?P<text>\S.*)", re.DOTALL)
_HEADLINE_QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019 "
# A speaker takes a few words; longer, the words before the colon are a topic ("Hasil Liga 1").
_HEADLINE_SPEAKER_WORDS = 6
# First words of a speaker that is an office with its holder's name after it ("Menkes Budi Gunadi").
_HEADLINE_OFFICE_FIRSTS = (_OFFICE_STARTS | _SHARED_ROLES | frozenset({"mantan"})) - _RANK_WORDS


def headline_quote(title: str, mentions: Sequence[tuple], *, published: str = "") -> dict | None:
    """The quote a headline makes, as a row of the quotes table without the article id, given the
    mentions of its article's body (:class:`Mention` rows or plain tuples in its field order) and
    its ``published`` day; None where the headline quotes no one the body or the gazetteer names."""
    gazetteer = load_gazetteer(tuple(settings()["watchlists"]))
    rows = _headline_quote_rows(title, sorted(mentions, key=_START_OF), gazetteer, published)
    return dict(zip(QUOTE_COLUMNS[1:], rows[0])) if rows else None


def _headline_quote_rows(title: str, rows: Sequence[tuple], gazetteer, published: str = "") -> list[tuple]:
    """The headline's quote as a list of one ``QUOTE_COLUMNS`` row without the article id, or none.

    The speaker is the words before the colon, less a topic after "soal"; after a quotation, the
    longest opening words after the cue ("Kata Shin Tae-yong Jelang Laga ..." is Shin Tae-yong's).
    """
    title = " ".join(title.split())
    quoted = _HEADLINE_QUOTED.match(title)
    if quoted is not None:
        words = quoted.group("speaker").split()
        phrases = [" ".join(words[:n]) for n in range(min(len(words), _HEADLINE_SPEAKER_WORDS), 0, -1)]
        text, cue = quoted.group("text"), quoted.group("cue")
    else:
        says = _HEADLINE_SAYS.match(title)
        cue = ":"
        if says is None and " Says " in title:
            says, cue = _HEADLINE_ENGLISH_SAYS.match(title), "Says"
        if says is None:
            return []
        phrases, text = [says.group("speaker")], says.group("text")
    text = text.strip(_HEADLINE_QUOTE_MARKS)
    if not text:
        return []
    for phrase in phrases:
        speaker = _headline_speaker(phrase, rows, gazetteer, published)
        if speaker is not None:
            role = _Mentions(rows).role_of(speaker) if rows else speaker[_ROLE]
            return [(TITLE_SENTENCE_ID, speaker[_ACTOR_ID], speaker[_NAME], role, text, "headline", cue)]
    return []


def _headline_speaker(phrase: str, rows: Sequence[tuple], gazetteer, published: str = "") -> tuple | None:
    """The body's mention (or, if the body names it not, a known actor as a mention row) that a
    headline's speaker words stand for: a name or a known alias ("Jokowi"), a part of one person's
    name ("Sri Mulyani"), an office one person of the body holds ("Kapolri", "Gubernur Jateng",
    "Pengamat"), or an office and a name ("Menkes Budi Gunadi")."""
    key = alias_key(phrase)
    if not key or len(key) > _HEADLINE_SPEAKER_WORDS:
        return None
    found = _named_by(phrase, key, rows, gazetteer) or _holder_of(phrase, rows, gazetteer, published)
    if found is None and key[0] in _HEADLINE_OFFICE_FIRSTS:
        found = next((named for i in range(1, len(key))
                      if (named := _named_by(phrase, key[i:], rows, gazetteer)) is not None
                      and named[_TYPE] == "PER"), None)
    return found


def _named_by(phrase: str, key: tuple[str, ...], rows: Sequence[tuple], gazetteer) -> tuple | None:
    """The first body mention named by ``key`` (words of ``phrase``: its surface, its name, a known
    alias of its actor, or the first or last words of one person's name), else the known actor
    ``key`` names; places speak only as countries ("AS: ..."), a town is a topic ("Jakarta: ...")."""
    entry, _, exact = gazetteer.index.get(key) or (None, "", None)
    if entry is not None and ((entry.type == "LOC" and entry.subtype != "country")
                              or (exact is not None and not all(word in phrase for word in exact))):
        entry = None  # "As" is no "AS"
    for row in rows:
        if entry is not None and row[_ACTOR_ID] == entry.actor_id:
            return row
        if (row[_TYPE] != "LOC" or row[_SUBTYPE] == "country") and key in (_name_key(row[_SURFACE]),
                                                                            _name_key(row[_NAME])):
            return row
    people = {}
    for row in rows:
        if row[_TYPE] == "PER":
            name = _name_key(row[_NAME])
            if len(name) > len(key) and key in (name[: len(key)], name[-len(key):]):
                people.setdefault(row[_ACTOR_ID], row)
    if len(people) == 1:
        return people.popitem()[1]
    return None if entry is None else _entry_row(entry, entry.name)


def _holder_of(office: str, rows: Sequence[tuple], gazetteer, published: str = "") -> tuple | None:
    """The first mention of the one person of the body whose role opens with ``office`` ("Kapolri"
    for "Kapolri", "Gubernur Jateng" for "Gubernur Jawa Tengah"); where the body names none, the
    one who held it on the ``published`` day (``office_holders.tsv``), as a mention row; ranks
    name no one."""
    key = _office_key(office, gazetteer)
    if not key or key[0] in _RANK_WORDS:
        return None
    holders: dict[str, tuple] = {}
    for row in rows:
        if row[_TYPE] == "PER" and row[_ROLE] and _office_key(row[_ROLE], gazetteer)[: len(key)] == key:
            holders.setdefault(row[_ACTOR_ID], row)
    if len(holders) == 1:
        return holders.popitem()[1]
    entry = (_office_holders(gazetteer).holder(key, published, abroad=_names_abroad(rows))
             if not holders and published else None)
    return None if entry is None else _entry_row(entry, office, role=office, confidence=0.5, method="holders")


# --- headline actors ----------------------------------------------------------------------

_HEADLINE_BATCH = 4096  # articles whose mention rows are built at once
# Words before a place's own name in the body ("Kabupaten Demak"): the headline writes "Demak".
_PLACE_KINDS = frozenset("kabupaten kab kota provinsi".split())


def headline_actors(articles: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """The actors each article's headline names, one row per (article, actor) in headline order
    (``HEADLINE_COLUMNS``; ``start``/``end`` are offsets in the title).

    A headline is read against its own body: a name or a part of one the body gives ("Sri
    Mulyani", "Demak" for "Kabupaten Demak"), an office whose one holder the body names
    ("Kapolri", "Gubernur Jabar", "Wali Kota Surabaya"), and, beside these, the gazetteer's names,
    so that "Jokowi" counts where the body calls him "Presiden". A known name that is also a
    dictionary word ("Malang", "Batang") counts only where the body names that actor: Title Case
    capitalises every word. Rejected articles and those without a title give no row.
    """
    gazetteer = load_gazetteer(tuple(settings()["watchlists"]))
    titles: dict[str, str] = {}
    dates: dict[str, str] = {}
    order: list[str] = []
    for (article_id, _, _), title, published in zip(_usable_columns(articles), _usable_titles(articles),
                                                    _usable_dates(articles)):
        if title.strip():
            order.append(article_id() if callable(article_id) else article_id)
            titles.setdefault(order[-1], title)
            dates.setdefault(order[-1], published)
    found: dict[str, list[tuple]] = {}
    # An actor's first mention under each surface and role says all a headline needs of it. The
    # rows are built a batch of articles at a time: all at once, they held 2.7 GB at 100k articles.
    fields = Mention._fields[: _ROLE + 1]  # all a headline reads of a mention
    wanted = mentions.loc[mentions["article_id"].isin(list(titles)), ["article_id", *fields]]
    wanted = wanted.drop_duplicates(["article_id", "actor_id", "surface", "role"])
    codes, _ = pd.factorize(wanted["article_id"])
    rank = np.argsort(codes, kind="stable")  # each article's rows together, in table order
    wanted, codes = wanted.take(rank), codes[rank]
    cuts = [0, *np.searchsorted(codes, range(_HEADLINE_BATCH, len(codes) and codes[-1] + 1, _HEADLINE_BATCH)).tolist(),
            len(codes)]
    for first, last in zip(cuts, cuts[1:]):
        for article_id, rows in _mentions_by_article(wanted.iloc[first:last], fields=fields).items():
            found[article_id] = _headline_rows(titles[article_id], rows, gazetteer, dates[article_id])
    columns: list[list] = [[] for _ in HEADLINE_COLUMNS]
    for article_id in order:
        if article_id not in found:  # a body without mentions: the gazetteer's names alone
            found[article_id] = _headline_rows(titles[article_id], [], gazetteer, dates[article_id])
        for row in found[article_id]:
            for column, value in zip(columns, (article_id, *row)):
                column.append(value)
    dtypes = {name: "str" for name in HEADLINE_COLUMNS} | {"start": "int64", "end": "int64"}
    return pd.DataFrame({name: _column(values, dtypes[name]) for name, values in zip(HEADLINE_COLUMNS, columns)},
                        columns=HEADLINE_COLUMNS)


def _headline_rows(title: str, rows: Sequence[tuple], gazetteer, published: str = "") -> list[tuple]:
    """``HEADLINE_COLUMNS`` rows (without the article id) of one headline, given its body's mention rows."""
    tokens = tokenize(title)
    keys, words, joined, starts, ends = tokens.keys, tokens.words, tokens.joined, tokens.starts, tokens.ends
    named = _body_names(rows, set(keys))
    found: list[tuple[int, int, tuple, str]] = []  # first token, last token, mention row, resolution
    # The body's names and their parts, longest first at each capitalised word.
    widths = sorted({len(key) for key in named}, reverse=True)
    for i, word in enumerate(words if named else ()):
        if not (word[0].isupper() or word[0].isdigit()):
            continue
        n = 1
        while n < widths[0] and i + n < len(keys) and joined[i + n - 1]:
            n += 1
        for width in widths:
            row = named.get(tuple(keys[i : i + width])) if width <= n else None
            if row is not None:
                found.append((i, i + width, row, "body"))
                break
    # The gazetteer's names: the body's mention of the same actor where it has one.
    first_row = {}
    for row in rows:
        first_row.setdefault(row[_ACTOR_ID], row)
    for first, last, entry, _ in gazetteer.spans(tokens):
        row = first_row.get(entry.actor_id)
        if row is None:
            if last - first == 1 and is_common_word(keys[first]):
                continue  # "Nasib Malang Pedagang": a dictionary word in Title Case
            row = _entry_row(entry, entry.name)
        found.append((first, last, row, "gazetteer"))
    # Offices whose one holder the body names: the office word and the known bodies or places after it.
    covered = {k for first, last, _, _ in found for k in range(first, last)}
    spans = {first: last for first, last, _, _ in found}
    for k in (_compiled_heads or _capitalised_heads)(keys, words, _OFFICE_STARTS):
        if k in covered or (k and keys[k - 1] in _NOT_THE_HOLDER_BEFORE):
            continue
        last = k + 1
        while last < len(keys) and joined[last - 1] and (keys[last] in _OFFICE_LOWER_WORDS or
                                                         (last in spans and _type_from(found, last) != "PER")):
            last = spans.get(last, last + 1)
        holder = _holder_of(title[starts[k] : ends[last - 1]], rows, gazetteer, published)
        if holder is not None:
            found.append((k, k + 1, holder, f"office:{title[starts[k] : ends[last - 1]]}→{holder[_NAME]}"))
    # Longest first where two overlap; each actor once, in headline order.
    kept: list[tuple[int, int, tuple, str]] = []
    taken: set[int] = set()
    for first, last, row, how in sorted(found, key=lambda item: (item[0] - item[1], item[0])):
        if taken.isdisjoint(range(first, last)):
            kept.append((first, last, row, how))
            taken.update(range(first, last))
    result, seen = [], set()
    for first, last, row, how in sorted(kept, key=_START_OF):
        if row[_ACTOR_ID] in seen:
            continue
        seen.add(row[_ACTOR_ID])
        start, end = starts[first], ends[last - 1]
        resolution = how if how.startswith("office:") else ""
        result.append((start, end, title[start:end], row[_ACTOR_ID], row[_NAME], row[_TYPE], row[_SUBTYPE], resolution))
    return result


def _type_from(found: Sequence[tuple], first: int) -> str:
    """The type of the actor found from token ``first`` on (``found``: first, last, row, how)."""
    return next((row[_TYPE] for start, _, row, _ in found if start == first), "")


def _body_names(rows: Sequence[tuple], title_keys: set[str]) -> dict[tuple[str, ...], tuple]:
    """Keys a headline may name the body's actors by: each mention's surface and name; a place's
    name without its kind ("Demak" for "Kabupaten Demak"); the first or last one or two words of a
    person's name that no other person of the body shares and no dictionary holds alone. Only the
    names sharing a word with the headline (``title_keys``) give keys."""
    named: dict[tuple[str, ...], tuple] = {}
    first_rows: dict[str, tuple] = {}
    for row in rows:
        surface = _name_key(row[_SURFACE])
        if not title_keys.isdisjoint(surface):
            named.setdefault(surface, row)
        first_rows.setdefault(row[_ACTOR_ID], row)
    people = {actor: _name_key(row[_NAME]) for actor, row in first_rows.items() if row[_TYPE] == "PER"}
    wanted: dict[tuple[str, ...], tuple] = {}
    for actor, row in first_rows.items():
        name = _name_key(row[_NAME])
        if title_keys.isdisjoint(name):
            continue
        named.setdefault(name, row)
        if row[_TYPE] == "LOC" and len(name) > 1 and name[0] in _PLACE_KINDS:
            named.setdefault(name[1:], row)
        if actor in people and len(name) > 1:
            for part in _name_parts(name):
                if (len(part) > 1 or not is_common_word(part[0])) and not title_keys.isdisjoint(part):
                    wanted.setdefault(part, row)
    if wanted:
        parts_of = {actor: _name_parts(name) for actor, name in people.items()}
        for part, row in wanted.items():
            if not any(part in parts for actor, parts in parts_of.items() if actor != row[_ACTOR_ID]):
                named.setdefault(part, row)
    return named


def _name_parts(name: tuple[str, ...]) -> set[tuple[str, ...]]:
    """The first and last one or two words of a name's key, but the whole name."""
    return {name[:1], name[-1:], name[:2], name[-2:]} - {name}


_name_key = lru_cache(maxsize=1 << 17)(alias_key)  # a corpus repeats its names: each is split once


# --- quotes -------------------------------------------------------------------------------


class _Mentions:
    """One text's mentions (rows in :class:`Mention` order, sorted by start) with what the quote
    helpers look up in them: the rows from a position on (by bisection) and each actor's first role."""

    __slots__ = ("rows", "starts", "_roles", "_by_end")

    def __init__(self, rows: Sequence[tuple]) -> None:
        self.rows = rows
        self.starts = [row[_START] for row in rows]
        self._roles: dict[str, str] | None = None
        self._by_end: dict[tuple[str, int], int] | None = None

    def head_of(self, mention: tuple) -> tuple:
        """The mention a bracketed short form repeats ("Amerika Serikat (AS)": the speaker is the
        first mention of the same actor ending at most 3 characters before it), else itself."""
        if self._by_end is None:
            self._by_end = {}
            for index, row in enumerate(self.rows):
                self._by_end.setdefault((row[_ACTOR_ID], row[_END]), index)
        actor, start = mention[_ACTOR_ID], mention[_START]
        found = [index for end in (start - 3, start - 2, start - 1)
                 if (index := self._by_end.get((actor, end))) is not None]
        return self.rows[min(found)] if found else mention

    def person_before(self, position: int) -> tuple | None:
        """The last person mentioned before ``position``."""
        for row in reversed(self.rows[: bisect_left(self.starts, position)]):
            if row[_TYPE] == "PER":
                return row
        return None

    def role_of(self, speaker: tuple) -> str:
        """The speaker's role: its own, else the first one stated for the same actor in the text."""
        if speaker[_ROLE]:
            return speaker[_ROLE]
        if self._roles is None:
            self._roles = {}
            for row in self.rows:
                if row[_ROLE]:
                    self._roles.setdefault(row[_ACTOR_ID], row[_ROLE])
        return self._roles.get(speaker[_ACTOR_ID], "")


# A speaker described after the cue, with a demonstrative: someone named before ("ujar pelatih asal
# Kroasia itu", "kata pria kelahiran Bandung tersebut").
_DESCRIBED_AFTER = re.compile(r"\s+(?P<head>[a-z]+)(?:\s+[\w-]+){0,5}?\s+(?:itu|tersebut)\b")
_DESCRIPTION_HEADS = ROLE_HEADS | frozenset("pria wanita perempuan lelaki sosok pemain penyerang gelandang kiper bos legenda".split())


def _described_speaker(text: str, mentions: _Mentions, position: int) -> bool:
    """Whether the words after the cue at ``position`` describe someone named before (a role or
    a person's noun, then "itu" or "tersebut", and no person named in between)."""
    match = _DESCRIBED_AFTER.match(text, position)
    if match is None or match.group("head") not in _DESCRIPTION_HEADS:
        return False
    rows, starts = mentions.rows, mentions.starts
    return all(row[_TYPE] != "PER" for row in rows[bisect_left(starts, position) : bisect_left(starts, match.end())])


def _speaker_after(text: str, mentions: _Mentions, position: int, limit: int | None = None) -> tuple | None:
    """The speaker named after an attribution cue: the first person before the clause ends (or
    ``limit``), else the first actor."""
    limit = len(text) if limit is None else limit
    for stop in (".", "\n", "“", "\""):
        found = text.find(stop, position)
        while stop == "." and found >= 0 and ends_with_abbreviation(text, position, found + 1):
            found = text.find(stop, found + 1)  # "terang Direktur RSUD Cibinong dr. Vitrie Winastri"
        if found >= 0:
            limit = min(limit, found)
    limit = min(limit, position + 120)
    rows, starts = mentions.rows, mentions.starts
    # "tutur pedagang di Pasar Minggu": a name after "di" is where it was said, not who said it.
    following = [m for m in rows[bisect_left(starts, position) : bisect_left(starts, limit)]
                 if not word_before_in(text, m[_START], NOT_SPEAKER_AFTER)]
    persons = [m for m in following if m[_TYPE] == "PER"]
    if persons:
        return persons[0]
    return following[0] if following and not _office_area(text, following[0]) else None


def _office_area(text: str, mention: tuple) -> bool:
    """Whether ``mention`` is a region or town right after an office ("Camat Cibinong", "Kapolda
    Jateng" where no Kapolda was named): its unnamed holder speaks, not the place. A country may
    speak for its head ("kata Presiden Rusia")."""
    return mention[_TYPE] == "LOC" and mention[_SUBTYPE] != "country" \
        and word_before_in(text, mention[_START], ROLE_HEADS)


def _source_after_menurut(text: str, mentions: _Mentions, position: int, sentence_end: int) -> tuple[tuple | None, int]:
    """The source named after "menurut" at ``position`` and where the clause naming it ends: the
    source comes before the first comma ("Menurut Budi, ..."), or is the person in an apposition
    right after it ("Menurut pengamat politik UI, Aditya Perdana, koalisi itu rapuh"); without a
    comma, what is said follows the source's name. A name past the first comma is what the source
    says, not the source ("Menurut laporan itu, Presiden ...")."""
    comma = text.find(",", position, sentence_end)
    first = bisect_left(mentions.starts, position)
    if comma >= 0 and first < len(mentions.rows) and mentions.rows[first][_START] < comma < mentions.rows[first][_END]:
        # A name written with commas ("Menurut Badan Meteorologi, Klimatologi, dan Geofisika, ...").
        comma = text.find(",", mentions.rows[first][_END], sentence_end)
    if comma < 0:  # "Menurut Budi harga naik": what is said follows the name
        speaker = _speaker_after(text, mentions, position)
        return speaker, (speaker[_END] if speaker is not None and speaker[_END] <= sentence_end else position)
    speaker = _speaker_after(text, mentions, position, limit=comma)
    if speaker is None or speaker[_TYPE] != "PER":
        second = text.find(",", comma + 1, sentence_end)
        if second >= 0:
            rows, starts = mentions.rows, mentions.starts
            inside = rows[bisect_left(starts, comma + 1) : bisect_left(starts, second)]
            named = text[comma + 1 : second].strip()
            if len(inside) == 1 and inside[0][_TYPE] == "PER" and inside[0][_SURFACE] == named:
                return mentions.head_of(inside[0]), second
    # What is said starts after the comma past the source's name, which may hold commas of its own.
    return speaker, (speaker[_END] if speaker is not None and speaker[_END] <= comma else position)


def _subject(text: str, mentions: _Mentions, position: int) -> tuple[tuple | None, bool]:
    """The subject of a speech verb at ``position``; ``(None, True)`` when it is a pronoun."""
    # Offsets into ``text`` rather than slices of it: a slice of the whole prefix per verb is quadratic.
    end = _rstrip_end(text, position)
    word = _short_word_before(text, end)
    if word in _ADVERBS_BEFORE_VERBS:  # "Rachlan juga menegaskan": the subject is before the adverb
        end = _rstrip_end(text, end - len(word))
        word = _short_word_before(text, end)
    if word in PRONOUNS:
        return None, True
    if word in _ENGLISH_OFFICES and _short_word_before(text, _rstrip_end(text, end - len(word))) == "the":
        return None, True  # English "the minister said": the one named before, as a pronoun would
    if end and text[end - 1] == ",":
        sentence_start = max(text.rfind(". ", 0, end), text.rfind("\n", 0, end), 0)
        end = _rstrip_end(text, end - 1)
        # "Jens Stoltenberg, pada konferensi pers …, mengatakan": skip an inserted lower-case clause.
        comma = text.rfind(",", sentence_start, end)
        if comma >= 0 and _LOWER_START.match(text, comma + 1, end):
            found = _mention_ending_at(text, mentions, comma)
            if found is not None:
                return found, False
        elif comma >= 0 and _DAY_CLAUSE.fullmatch(text, comma + 1, end):
            end = _rstrip_end(text, comma)  # the subject, or the clause before it, ends before the day
        else:
            found = _subject_of_earlier_verb(text, mentions, max(comma, sentence_start), end)
            if found is not None:
                return found, False
            # "Hasto Kristiyanto, Sekjen PDI-P, menegaskan": a person, then their office in apposition
            # (the apposition's first word, folded, is an office).
            if comma > sentence_start and _short_word_before(text, _OFFICE_WORD_END.match(text, comma + 1).end()) \
                    in ROLE_HEADS:
                person = _mention_ending_at(text, mentions, comma)
                if person is not None and person[_TYPE] == "PER":
                    return person, False
    age = _AGE_AT_END.search(text, max(0, end - 14), end)
    if age is not None:  # "Siti Aminah (45), mengatakan": the name ends before the age
        end = age.start()
    # Not stripped of a closing bracket: a body's name may end in its short form ("Komisi
    # Pemberantasan Korupsi (KPK) menyatakan"); a mention before the bracket is found all the same.
    found = _mention_ending_at(text, mentions, end)
    if found is not None and found[_TYPE] != "PER":
        # "Kepala BMKG mengatakan": the body ends an office that stands for its holder (a mention
        # found is its head: the holder, where the text named one, "Budi Santoso, Kepala Desa
        # Sukamaju, mengatakan").
        office = _mention_ending_at(text, mentions, _rstrip_end(text, found[_START]))
        if office is not None and (office[_RESOLUTION].startswith("office:") or office[_TYPE] == "PER"):
            found = office
        elif _office_area(text, found):
            return None, False  # "Camat Medan Johor mengatakan": someone unnamed
    if found is not None and (found[_TYPE] == "PER" or not word_before_in(text, found[_START], NOT_SPEAKER_AFTER)):
        # "Gibran didampingi Gubernur Jawa Tengah Ahmad Luthfi mengatakan": who spoke is named
        # before the one who came along.
        window = max(0, found[_START] - 80)
        companion = (_COMPANION_BEFORE.search(text, window, found[_START])
                     if any(text.find(word, window, found[_START]) >= 0 for word in _COMPANION_WORDS) else None)
        if companion is not None:
            lead = _mention_ending_at(text, mentions, _rstrip_end(text, companion.start()))
            if lead is not None and lead[_TYPE] == "PER":
                return lead, False
        return found, False  # a person is the subject: the test of the word before is for places and bodies
    # A place ("saat ditemui di Bandung mengatakan") is not who speaks: the subject is before the
    # clause; a body after "dari" speaks where no subject is ("Pengamat dari LIPI mengatakan").
    subject = _subject_before_clause(text, mentions, position)
    if subject is None and found is not None and word_before_in(text, found[_START], _AFFILIATION_WORDS):
        subject = found
    return subject, False


def _short_word_before(text: str, end: int) -> str:
    """The folded word ending at ``end`` if it is short (under 40 characters: pronouns and adverbs
    are), else ``""``."""
    window = max(0, end - 40)
    word_start = end
    while word_start > window and _is_word_char(text[word_start - 1]):
        word_start -= 1
    if word_start == end or (word_start == window and window and _is_word_char(text[window - 1])):
        return ""
    return fold(text[word_start:end])


# A clause between a subject and its verb: where, when, to whom or how it was said ("dalam
# pidatonya", "saat ditemui di Bandung", "kepada wartawan di Jakarta, Senin (17/6),"), with no
# sentence end, quotation mark or second clause ("dan", "yang", "serta") in it.
_CLAUSE_OPENER = re.compile(r"\s*,?\s*(?:dalam|saat|ketika|kepada|di|dari|usai|seusai|selepas|setelah|melalui|lewat|pada)\s")
_CLAUSE_STOPS = frozenset('.!?"“”\n')
_SECOND_CLAUSES = (" dan ", " yang ", " serta ", " lalu ", " kemudian ")
# A short relative clause in lower case between a person and their verb ("yang turut hadir").
_RELATIVE_CLAUSE = re.compile(r"\s+yang(?:\s+[a-z][\w-]*){1,4}\s+")
# The first word of an apposition, to be read as an office ("Hasto Kristiyanto, Sekjen PDI-P, ...").
_OFFICE_WORD_END = re.compile(r"\s*[\w-]*")
# Who came along with the subject, and their office: "didampingi Gubernur Jawa Tengah " before a name.
_COMPANION_WORDS = ("didampingi", "bersama", "beserta")
_COMPANION_BEFORE = re.compile(r"\b(?:" + "|".join(_COMPANION_WORDS) + r")\s+(?:[A-Z][\w.'-]*\s+)*\Z")
# Words after which a body is where its speaker comes from ("Pengamat dari LIPI mengatakan").
_AFFILIATION_WORDS = frozenset({"dari"})


def _joint_speakers(text: str, mentions: _Mentions, speaker: tuple | None) -> list[tuple]:
    """The persons named with the subject ``speaker`` by "dan" or "serta" (and commas before those),
    who say it with them ("Presiden Joko Widodo dan Wakil Presiden Ma'ruf Amin menyatakan ..."),
    first named first; each may have their office before their name. Empty when the subject
    stands alone."""
    if speaker is None or speaker[_TYPE] != "PER":
        return []
    # C-level tests first: most subjects have no "dan" or "serta" before them (nor their office).
    reach = max(0, speaker[_START] - len(speaker[_ROLE]) - 8)
    if text.find(" dan", reach, speaker[_START]) < 0 and text.find(" serta", reach, speaker[_START]) < 0:
        return []
    partners: list[tuple] = []
    while speaker is not None and speaker[_TYPE] == "PER" and len(partners) < 4:
        start = speaker[_START]
        role = speaker[_ROLE]
        if role and text.endswith(role, max(0, start - len(role) - 1), _rstrip_end(text, start)):
            start = _rstrip_end(text, start) - len(role)  # "Wakil Presiden Ma'ruf Amin": from the office
        end = _rstrip_end(text, start)
        # A comma lists only before "dan": "Pada pengarahan dengan Stoltenberg, Blinken menganggap"
        # opens with a clause, "Budi, Andi dan Rina mengatakan" with a list.
        for joint in (" dan", " serta", ",") if partners else (" dan", " serta"):
            if text.endswith(joint, max(0, end - len(joint)), end):
                end -= len(joint)
                break
        else:
            break
        speaker = _mention_ending_at(text, mentions, _rstrip_end(text, end))
        if speaker is not None and speaker[_TYPE] == "PER":
            partners.append(speaker)
    return partners[::-1]


_JOINED_AFTER = re.compile(r"\s+(?:dan|serta)\s+")


def _joint_speakers_after(text: str, mentions: _Mentions, speaker: tuple | None) -> list[tuple]:
    """The persons named after the speaker of a cue by "dan" or "serta", each perhaps after their
    office: "kata Presiden Joko Widodo dan Wakil Presiden Ma'ruf Amin". Empty when there is none."""
    partners: list[tuple] = []
    rows, starts = mentions.rows, mentions.starts
    while speaker is not None and speaker[_TYPE] == "PER" and len(partners) < 4:
        joint = _JOINED_AFTER.match(text, speaker[_END])
        if joint is None:
            break
        k = bisect_left(starts, joint.end())
        speaker = rows[k] if k < len(rows) else None
        if (speaker is None or speaker[_TYPE] != "PER"
                or text[joint.end() : speaker[_START]].strip() not in ("", speaker[_ROLE])):
            break
        partners.append(speaker)
    return partners


_WORD_AFTER = re.compile(r"\s+([a-z]+)\b")


def _subject_of_earlier_verb(text: str, mentions: _Mentions, start: int, end: int) -> tuple | None:
    """The subject a predicate after a comma shares with the clause ``text[start:end]`` before it:
    the actor right before that clause's first verb ("Kim Jong-un bertemu presiden Vladimir Putin
    di Rusia, berjanji ..." is Kim Jong-un's promise, not Putin's); None when the clause has none."""
    rows, starts = mentions.rows, mentions.starts
    for k in range(bisect_left(starts, start), bisect_left(starts, end)):
        mention = rows[k]
        verb = _WORD_AFTER.match(text, mention[_END], end)
        if verb is not None and reads_as_verb(verb.group(1)):
            if mention[_TYPE] == "PER" or mention[_TYPE] == "ORG" or mention[_SUBTYPE] == "country":
                return mentions.head_of(mention)
            return None
    return None


def _subject_before_clause(text: str, mentions: _Mentions, position: int) -> tuple | None:
    """The person or body right before a clause that ends at the speech verb at ``position``
    ("Megawati Soekarnoputri dalam pidatonya menyatakan ..."), within 100 characters."""
    rows, starts = mentions.rows, mentions.starts
    for k in range(bisect_left(starts, position) - 1, -1, -1):
        mention = rows[k]
        if mention[_START] < position - 100:
            break
        if mention[_TYPE] in ("PER", "ORG") and mention[_END] < position \
                and _CLAUSE_OPENER.match(text, mention[_END], position):
            between = text[mention[_END] : position]
            if _CLAUSE_STOPS.isdisjoint(between) and not any(clause in between for clause in _SECOND_CLAUSES):
                return mentions.head_of(mention)
        # "Wakil Gubernur Rano Karno yang turut hadir mengatakan": a person described, then the verb.
        if mention[_TYPE] == "PER" and _RELATIVE_CLAUSE.fullmatch(text, mention[_END], position):
            return mentions.head_of(mention)
    return None


def _is_word_char(char: str) -> bool:
    """Whether ``char`` is a regex word character (``\\w``: a letter, a digit of any kind or ``_``)."""
    return char.isalnum() or char == "_"


def _rstrip_end(text: str, end: int, chars: str | None = None) -> int:
    """Where ``text[:end].rstrip(chars)`` would end, without copying the prefix."""
    while end and (text[end - 1] in chars if chars else text[end - 1].isspace()):
        end -= 1
    return end


def _mention_ending_at(text: str, mentions: _Mentions, end: int) -> tuple | None:
    """The last mention ending at or before ``end`` when only spaces and brackets follow it there."""
    rows = mentions.rows
    # A mention starting after ``end`` cannot end before it: the search starts below those.
    for k in range(bisect_right(mentions.starts, end) - 1, -1, -1):
        mention = rows[k]
        if mention[_END] <= end:
            return mentions.head_of(mention) if _SPACES_AND_BRACKETS.fullmatch(text, mention[_END], end) else None
    return None


def _text(value: object) -> str:
    """A cell as text: missing values (None, NaN, pd.NA) and non-strings are empty."""
    return value if isinstance(value, str) else ""


def _usable_columns(articles: pd.DataFrame) -> Iterable[tuple]:
    """``(article_id, body, outlet)`` of the non-rejected ``articles``, read column-wise (cheaper than records).

    A missing body or outlet column reads as ``None``; without an ``article_id`` column the id is a
    callable that raises the same ``KeyError`` as a record would, only for an article that is used.
    """
    if "status" in articles.columns:
        articles = articles[articles["status"] != "rejected"]
    n = len(articles)
    # to_dict("list") boxes values as records do (pd.NA → None), one column at a time.
    lists = articles[[c for c in ("article_id", "body", "outlet") if c in articles.columns]].to_dict("list")

    def column(name: str) -> list:
        return lists.get(name) or [None] * n

    if "article_id" in lists:
        ids: list = lists["article_id"]
    else:
        def missing() -> str:
            raise KeyError("article_id")
        ids = [missing] * n
    return zip(ids, column("body"), column("outlet"))


def _usable_languages(articles: pd.DataFrame) -> Iterable[str | None]:
    """The ``lang`` of the articles :func:`_usable_columns` yields, in its order (None where the
    table has no such column: then each body's language is detected when it matters)."""
    if "lang" not in articles.columns:
        return repeat(None)
    if "status" in articles.columns:
        articles = articles[articles["status"] != "rejected"]
    return [value if isinstance(value, str) else None for value in articles["lang"].tolist()]


def _article_language(text: str, language: str | None) -> str:
    """An article's language: the loader's ``lang`` where the table has one, else detected."""
    return language if language is not None else detect_language(text)


def _usable_titles(articles: pd.DataFrame) -> list[str]:
    """The titles of the articles :func:`_usable_columns` yields, in its order (``""`` where none)."""
    return _usable_text(articles, "title")


def _usable_dates(articles: pd.DataFrame) -> list[str]:
    """The ``published`` dates (ISO text) of the articles :func:`_usable_columns` yields, in its order."""
    return _usable_text(articles, "published")


def _usable_text(articles: pd.DataFrame, column: str) -> list[str]:
    """A text column of the articles :func:`_usable_columns` yields, in its order (``""`` where none)."""
    if column not in articles.columns:
        return [""] * len(articles)
    if "status" in articles.columns:
        articles = articles[articles["status"] != "rejected"]
    return [value if isinstance(value, str) else "" for value in articles[column].tolist()]
