"""Tests for warta.actors: mentions, resolution, roles, credits and quotes, on made-up text and the seeds."""
from __future__ import annotations

from collections import Counter
from itertools import combinations
import random

import pandas as pd
import pytest

from warta import actors as actors_module
from warta.gazetteer import load_gazetteer, tokenize
from warta.actors import (HEADLINE_COLUMNS, MENTION_COLUMNS, QUOTE_COLUMNS, extract_actors, extract_mentions,
                          extract_mentions_and_quotes, extract_quotes, headline_actors, headline_quote, quotes_in_text)
from warta.text import TITLE_SENTENCE_ID, sentence_spans


def actors(text, **kwargs):
    return {(m.surface, m.actor_id) for m in extract_actors(text, **kwargs)}


def named(text, **kwargs):
    """The (name, type) of every actor ``text`` mentions."""
    return {(m.name, m.type) for m in extract_actors(text, **kwargs)}


def by_surface(text, **kwargs):
    return {m.surface: m for m in extract_actors(text, **kwargs)}


def articles(*bodies, **columns):
    frame = pd.DataFrame({"article_id": [f"a{i}" for i in range(len(bodies))], "status": "ok", "body": list(bodies)})
    for name, values in columns.items():
        frame[name] = values
    return frame


@pytest.mark.parametrize("text, expected", [
    # Rules find names the gazetteer does not know, from roles, titles and speech verbs.
    ("Menteri Pertanian Budiarto Wicaksono meninjau sawah.", ("Budiarto Wicaksono", "per:budiarto-wicaksono")),
    ("“Kami siap,” kata Sutrisno Hadi kepada wartawan.", ("Sutrisno Hadi", "per:sutrisno-hadi")),
    ("Gubernur Lampung Arinal Djunaidi hadir.", ("Arinal Djunaidi", "per:arinal-djunaidi")),
    ("Rina Oktaviani mengatakan harga naik.", ("Rina Oktaviani", "per:rina-oktaviani")),
    ("Ia bertemu rekannya dari Korea Selatan Kim Hong-jyun di Seoul.", ("Kim Hong-jyun", "per:kim-hong-jyun")),
    ("Dana dari Kementerian Luar Negeri Korea Selatan tiba.",
     ("Kementerian Luar Negeri Korea Selatan", "org:kementerian-luar-negeri-korea-selatan")),
    ("Ia kuliah di Universitas Negeri Makassar sejak 2019.", ("Universitas Negeri Makassar", "org:universitas-negeri-makassar")),
    ("Ia bekerja di Harian Merdeka sejak 1950.", ("Harian Merdeka", "org:harian-merdeka")),  # papers by their kind
    ("Keluarga de Burgh mengklaim itu.", ("de Burgh", "per:de-burgh")),  # a family is no part of the name
    ("Tapi Bouygues mengatakan laba naik.", ("Bouygues", "per:bouygues")),
    # "Agung" completes "Jaksa Agung"; after any other office it is a given name.
    ("Wakil Ketua Umum Partai Golkar Agung Laksono hadir.", ("Agung Laksono", "per:agung-laksono")),
    ("Jaksa Agung Basuki Wirawan hadir.", ("Basuki Wirawan", "per:basuki-wirawan")),
    ("kata Deputi Komisioner OJK Bidang Edukasi dan Perlindungan Konsumen Sri Rahayu Widodo.",
     ("Sri Rahayu Widodo", "per:sri-rahayu-widodo")),
    # A body's acronym between the office and the name is no part of the name; two capitals may be initials.
    ("Rapat dihadiri pemimpin MDC Morgan Tsangirai.", ("Morgan Tsangirai", "per:morgan-tsangirai")),
    ("Jaksa Agung HM Prasetyo mengatakan itu.", ("HM Prasetyo", "per:hm-prasetyo")),
    ("Hal itu dikatakan Ketua BK Muhammad Prakosa di DPR.", ("Muhammad Prakosa", "per:muhammad-prakosa")),  # two words follow
    ("Kepala Sekolah dipercayakan kepada Bapak R. Martono Moedigdo.", ("R. Martono Moedigdo", "per:r-martono-moedigdo")),
    ("Paus Benediktus XVI tiba di Roma.", ("Paus Benediktus XVI", "per:paus-benediktus-xvi")),
    # "Hakim" (a judge) completes the names before it.
    ("Ketua PWNU Jawa Timur KH Abdul Hakim Mahfudz hadir.", ("Abdul Hakim Mahfudz", "per:abdul-hakim-mahfudz")),
    ("Hakim Ketua Sutarjo Wibowo membacakan putusan.", ("Sutarjo Wibowo", "per:sutarjo-wibowo")),
    # It closes a name after a name ("Lucky Hakim"), never after "Majelis" or an office.
    ("Bupati Indramayu Lucky Hakim berjanji berkoordinasi.", ("Lucky Hakim", "per:lucky-hakim")),
    ("Ketua RT Ahmad Hakim menolak.", ("Ahmad Hakim", "per:ahmad-hakim")),
    ("Ketua Majelis Hakim Eko Aryanto membacakan putusan.", ("Eko Aryanto", "per:eko-aryanto")),
    # A name's particles ("al-", "bin", "van") are inside the name, even between dictionary words.
    ("Presiden Omar al-Beshir menyetujui usulan itu.", ("Omar al-Beshir", "per:omar-al-beshir")),
    ("Perdana Menteri Nuri al-Maliki hadir.", ("Nuri al-Maliki", "per:nuri-al-maliki")),
    ("Robin van Persie mencetak gol.", ("Robin van Persie", "per:robin-van-persie")),
    ("Terdakwa Ahmad bin Sulaiman divonis.", ("Ahmad bin Sulaiman", "per:ahmad-bin-sulaiman")),
    ("Thiago Emiliano da Silva mencetak gol.", ("Thiago Emiliano da Silva", "per:thiago-emiliano-da-silva")),
    ("Anak mereka Mery Susanna br Sitepu lahir.", ("Mery Susanna br Sitepu", "per:mery-susanna-br-sitepu")),
])
def test_rules_find_unknown_names(text, expected):
    assert expected in actors(text, use_model=False)


def test_a_name_s_suffix_after_its_comma_is_no_person_alone():
    found = actors("Benigno Simeon Aquino, Jr., juga dikenal sebagai Ninoy.", use_model=False)
    assert ("Benigno Simeon Aquino", "per:benigno-simeon-aquino") in found
    assert not [surface for surface, _ in found if surface == "Jr"]


@pytest.mark.parametrize("text, expected", [
    # Politicians the news names by one name or a short form are known by it.
    ("Evaluasi pemerintahan Jokowi-Kalla digelar.", ("Kalla", "per:jusuf-kalla")),
    ("Kepengurusan PPP kubu Romahurmuziy disahkan.", ("Romahurmuziy", "per:muhammad-romahurmuziy")),
    ("Mundurnya Hary Tanoe tidak berpengaruh.", ("Hary Tanoe", "per:hary-tanoesoedibjo")),
])
@pytest.mark.parametrize("use_model", [True, False], ids=["full", "fast"])
def test_politicians_are_known_by_their_short_names(text, expected, use_model):
    assert expected in actors(text, use_model=use_model)


@pytest.mark.parametrize("text, surface, actor_id, resolution", [
    ("“Itu tetangga kami,” ujar juru bicara Kremlin Demitry Peskov.", "Demitry Peskov", "per:dmitry-peskov",
     "fuzzy:96 Demitry Peskov→Dmitry Peskov"),
    ("Penasihat kebijakan luar negeri Rusia, Yuri Ushakob mengungkap rencana itu.", "Yuri Ushakob",
     "per:yuri-ushakov", "fuzzy:92 Yuri Ushakob→Yuri Ushakov"),
])
def test_typos_resolve_to_the_known_person_with_an_explanation(text, surface, actor_id, resolution):
    mention = by_surface(text, use_model=False)[surface]
    assert (mention.actor_id, mention.resolution) == (actor_id, resolution)


@pytest.mark.parametrize("text, surface, actor_id", [
    ("Menurut jaksa, Hunter Biden bersalah.", "Hunter Biden", "per:hunter-biden"),  # another given name
    ("Presiden Kim Jong Il dan Kim Jong Un.", "Kim Jong Il", "per:kim-jong-il"),
    # A known hyphenated name followed by a surname is someone else (not Karine Jean-Pierre).
    ("Mantan Perdana Menteri Prancis Jean-Pierre Raffarin tiba.", "Jean-Pierre Raffarin", "per:jean-pierre-raffarin"),
])
def test_fuzzy_never_merges_different_given_names(text, surface, actor_id):
    assert by_surface(text, use_model=False)[surface].actor_id == actor_id


@pytest.mark.parametrize("text, surface", [
    ("Satgas Pangan menyegel gudang beras.", "Satgas Pangan"),  # the tagger reads a person here
    ("OJK mencabut izin usaha BPR Wijaya Kusuma.", "BPR Wijaya Kusuma"),  # and a place here
    ("PLTU Suralaya dituding menjadi penyebab polusi udara.", "PLTU Suralaya"),  # and nothing here
    ("Dinas Kesehatan Kota Bandung mencatat lonjakan kasus.", "Dinas Kesehatan Kota Bandung"),  # only its place
    ("Perumda Air Minum Tirtanadi menghentikan distribusi air.", "Perumda Air Minum Tirtanadi"),
    ("Warga mengeluhkan layanan PDAM Tirta Kahuripan yang sering mati.", "PDAM Tirta Kahuripan"),
    ("Petugas Suku Dinas Sumber Daya Air menyedot genangan.", "Suku Dinas Sumber Daya Air"),  # not the Dinas
    # Health centres and clinics, named after a place the gazetteer knows or not.
    ("Menkes meluncurkan cek kesehatan gratis di Puskesmas Cilandak.", "Puskesmas Cilandak"),
    ("Ia berobat ke Klinik Pratama Sehat Bersama di Bekasi.", "Klinik Pratama Sehat Bersama"),
    ("PVMBG menaikkan status Gunung Lewotobi Laki-laki.", "PVMBG"),  # a body the gazetteer knows
    # A technical office ("Balai") is a body; a hall ("Balai Kota") is a place, in the next test.
    ("Kepala Balai Taman Nasional Gunung Rinjani Yarman menutup jalur.", "Balai Taman Nasional Gunung Rinjani"),
    ("Samsung Electronics meluncurkan ponsel lipat di Seoul.", "Samsung Electronics"),  # one body, not two
    # After "dan" a head opens a second body, unless it is a word inside names.
    ("Warga memprotes PLTA Saguling dan PLTU Cirebon.", "PLTA Saguling"),
    ("Ketua Partai Keadilan dan Persatuan Indonesia hadir.", "Partai Keadilan dan Persatuan Indonesia"),
])
@pytest.mark.parametrize("use_model", [None, False], ids=["full", "fast"])
def test_task_forces_and_rural_banks_are_organisations(text, surface, use_model):
    assert by_surface(text, use_model=use_model)[surface].type == "ORG"


@pytest.mark.parametrize("text, surface", [
    ("Anies mengumpulkan wartawan di Balai Kota DKI Jakarta.", "Balai Kota DKI Jakarta"),
    ("Warga berkumpul di Balai Desa Sukamaju.", "Balai Desa Sukamaju"),
])
def test_a_hall_is_a_place(text, surface):
    assert by_surface(text, use_model=False)[surface].type == "LOC"


@pytest.mark.parametrize("text, people", [
    ("Pasangan calon Bupati Bandung Dadang Supriatna - Ali Syakieb unggul.", {"Dadang Supriatna", "Ali Syakieb"}),
    ("Pasangan calon Bupati Bandung Dadang Supriatna \u2013 Ali Syakieb unggul.", {"Dadang Supriatna", "Ali Syakieb"}),
    ("Juru bicara John Nilsson-wright mengatakan itu.", {"John Nilsson-wright"}),  # a bare hyphen is in the name
])
@pytest.mark.parametrize("use_model", [None, False], ids=["full", "fast"])
def test_a_spaced_dash_pairs_two_people(text, people, use_model):
    assert {m.surface for m in extract_actors(text, use_model=use_model) if m.type == "PER"} == people


def test_the_tagger_s_name_is_parted_at_a_spaced_dash():
    # The tagger reads one span across the dash; neither name is known.
    text = "Pasangan Syaifuddin - Tatang Farhanul Hakim mendaftar ke KPU Kabupaten Bandung pada Senin."
    assert {m.surface for m in extract_actors(text) if m.type == "PER"} == {"Syaifuddin", "Tatang Farhanul Hakim"}


@pytest.mark.parametrize("text, person", [
    # Text split into tokens spaces every hyphen: a name part in lower case, a particle or a single
    # letter beside the dash keeps one name.
    ("Choi Si - won lahir 7 April 1986.", "Choi Si - won"),
    ("Khedive menugaskan Putra Mahkota Abd al - Munim sebagai rektor.", "Abd al - Munim"),
])
def test_a_hyphen_spaced_by_tokenisation_keeps_one_name(text, person):
    assert person in {m.surface for m in extract_actors(text) if m.type == "PER"}


@pytest.mark.parametrize("text, actors_named", [
    ("Mahasiswa menolak revisi Undang-Undang TNI yang disahkan DPR.", {"Dewan Perwakilan Rakyat"}),
    ("ICW mengkritik DPR yang merevisi UU KPK secara diam-diam.",
     {"Indonesia Corruption Watch", "Dewan Perwakilan Rakyat"}),
    ("Panglima TNI menolak RUU Polri.", {"Tentara Nasional Indonesia"}),
])
@pytest.mark.parametrize("use_model", [None, False], ids=["full", "fast"])
def test_a_law_s_subject_is_no_actor(text, actors_named, use_model):
    assert {m.name for m in extract_actors(text, use_model=use_model)} == actors_named


@pytest.mark.parametrize("text, surface, name", [
    ("Ribuan buruh berunjuk rasa di depan Gedung DPR menolak aturan itu.", "Gedung DPR", "Gedung Dewan Perwakilan Rakyat"),
    ("KPK menahan Indra Iskandar di Rutan KPK sejak Kamis.", "Rutan KPK", "Rutan Komisi Pemberantasan Korupsi"),
])
@pytest.mark.parametrize("use_model", [None, False], ids=["full", "fast"])
def test_a_body_s_building_is_one_place_in_both_profiles(text, surface, name, use_model):
    found = by_surface(text, use_model=use_model)[surface]
    assert (found.name, found.type) == (name, "LOC")


def test_a_tagged_body_ends_before_its_holder_s_rank():
    text = "Kasat Reskrim Polres Metro Bekasi Kota AKBP Muhammad Firdaus mengatakan pelaku mencuri motor."
    found = named(text)
    assert found == {("Polres Metro Bekasi Kota", "ORG"), ("Muhammad Firdaus", "PER")}


@pytest.mark.parametrize("text, expected", [
    # One word after a head of government and the area is the holder, where the tagger left it.
    ("Wali Kota Jakarta Timur Munjirin meninjau pasar murah.", {("Kota Jakarta Timur", "LOC"), ("Munjirin", "PER")}),
    ("Gubernur Jawa Tengah Luthfi meninjau banjir.", {("Jawa Tengah", "LOC"), ("Luthfi", "PER")}),
    # A country's armed forces are a body, not the country.
    ("Kepala Angkatan Bersenjata Australia Jenderal Angus Campbell tiba.",
     {("Angkatan Bersenjata Australia", "ORG"), ("Angus Campbell", "PER")}),
    ("Pelatih baru diumumkan di Menara Danareksa.", {("Menara Danareksa", "LOC")}),  # a tower is a place
])
@pytest.mark.parametrize("use_model", [None, False], ids=["full", "fast"])
def test_holders_forces_and_towers(text, expected, use_model):
    assert named(text, use_model=use_model) == expected


@pytest.mark.parametrize("text, expected", [
    # A minister's portfolio is no body; the country after it stays an actor.
    ("Sugiono bertemu Menteri Luar Negeri China Wang Yi di Beijing.",
     {("Sugiono", "PER"), ("China", "LOC"), ("Wang Yi", "PER"), ("Beijing", "LOC")}),
    # "Kantor" before a known body and a known place: the body's regional office.
    ("Kepala Kantor Kemenag Garut Saepulloh melepas rombongan.", {("Kantor Kemenag Garut", "ORG"), ("Saepulloh", "PER")}),
    # One name word after an office in a known body is its holder.
    ("Juru bicara MA Yanto mengatakan putusan diambil pekan lalu.", {("Mahkamah Agung", "ORG"), ("Yanto", "PER")}),
    # A firm's last word, then its officer's name.
    ("Analis Doo Financial Futures Lukman Leong memperkirakan harga naik.",
     {("Doo Financial Futures", "ORG"), ("Lukman Leong", "PER")}),
    ("Harimau itu dilepasliarkan di Taman Nasional Meru Betiri.", {("Taman Nasional Meru Betiri", "LOC")}),
])
@pytest.mark.parametrize("use_model", [None, False], ids=["full", "fast"])
def test_portfolios_regional_offices_officers_and_firms(text, expected, use_model):
    assert named(text, use_model=use_model) == expected


@pytest.mark.parametrize("text, person, firm", [
    # An office in lower case before the firm ("analis"); one dictionary word in the name ("nafan").
    ("Saham bank masih menarik, kata analis Mirae Asset Sekuritas Nafan Aji Gusta.",
     "Nafan Aji Gusta", "Mirae Asset Sekuritas"),
    ("Analis Laba Forexindo Berjangka Ibrahim Assuaibi memperkirakan rupiah melemah.", "Ibrahim Assuaibi", None),
    # The desk's English words before the firm: an office, and no part of the firm's name.
    ("Saham teknologi tertekan, kata Head of Equity Research Bahana Sekuritas Satria Sambijantoro.",
     "Satria Sambijantoro", "Bahana Sekuritas"),
    ("Research Analyst Phintraco Sekuritas Alrich Paskalis Tambolang menyebut permintaan melemah.",
     "Alrich Paskalis Tambolang", "Phintraco Sekuritas"),
    # A place opening the firm's name after the office.
    ("Direktur Eksekutif Indonesia Political Opinion Dedi Kurnia Syah menilai koalisi itu rapuh.",
     "Dedi Kurnia Syah", None),
    # "Officer" is an office, in the tagger's spans too.
    ("Chief Executive Officer Tokocrypto Yudhono Rawis mengatakan minat investor meningkat.",
     "Yudhono Rawis", "Tokocrypto"),
    # A body's short form, then its holder (whose name holds a dictionary word, "pratama").
    ("Direktur Lembaga Riset Siber CISSReC Pratama Persadha mengatakan kebocoran itu serius.",
     "Pratama Persadha", None),
])
@pytest.mark.parametrize("use_model", [None, False], ids=["full", "fast"])
def test_an_analyst_is_parted_from_the_firm_before_them(text, person, firm, use_model):
    found = named(text, use_model=use_model)
    assert (person, "PER") in found
    assert not any(type_ == "PER" and name != person for name, type_ in found)
    if firm is not None:
        assert (firm, "ORG") in found


@pytest.mark.parametrize("text, person", [
    ("“Semua saksi sudah kami periksa,” ungkap Kasat Reskrim Polresta Malang Kota Kompol Danang Yudanto.",
     "Danang Yudanto"),
    ("Kepala Lembaga Pemasyarakatan Kelas I Cipinang Wachid Wibowo mengatakan narapidana itu kabur.", "Wachid Wibowo"),
    ("Kepala Lapas Kelas IIA Bogor Asep Sutandar mengatakan napi itu sudah ditangkap.", "Asep Sutandar"),
    ("“Putusan ini adil,” ujar Jaksa Penuntut Umum (JPU) Kejari Surabaya Darwis usai sidang.", "Darwis"),
    ("Kepala Pelaksana BPBD Kabupaten Garut Satriyadi mengatakan 120 rumah terendam banjir.", "Satriyadi"),
    # After a council's commission, and after a province's secretary.
    ("“Kami akan memanggil pengembang itu,” ujar Ketua Komisi V DPR Lasarus.", "Lasarus"),
    ("Sekda Provinsi Jawa Tengah Sumarno mengatakan ASN wajib masuk kerja.", "Sumarno"),
    ("“Hutan Papua rusak parah,” ujar Juru Kampanye Hutan Greenpeace Indonesia Sekar Banjaran Aji.",
     "Sekar Banjaran Aji"),
])
@pytest.mark.parametrize("use_model", [None, False], ids=["full", "fast"])
def test_an_officer_is_parted_from_the_body_class_and_rank_before_them(text, person, use_model):
    persons = {name for name, type_ in named(text, use_model=use_model) if type_ == "PER"}
    assert persons == {person}


@pytest.mark.parametrize("use_model", [None, False], ids=["full", "fast"])
def test_a_place_after_a_body_and_its_office_is_no_holder(use_model):
    found = named("Terungkap bahwa Ketua Umum PKB Indonesia adalah Yenny Wahid.", use_model=use_model)
    assert {name for name, type_ in found if type_ == "PER"} == {"Yenny Wahid"}


@pytest.mark.parametrize("text, not_a_person", [
    # Clergy before their faith are common nouns; an archbishop's see is no part of his name.
    ("Mereka ditemui sejumlah pastor Katolik di desa itu.", "Katolik"),
    ("Ia orang kedua setelah Uskup Agung Canterbury Rowan Williams.", "Canterbury Rowan Williams"),
])
@pytest.mark.parametrize("use_model", [None, False], ids=["full", "fast"])
def test_clergy_and_sees_are_no_persons(text, not_a_person, use_model):
    assert (not_a_person, "PER") not in {(m.surface, m.type) for m in extract_actors(text, use_model=use_model)}


def test_the_tagger_s_spans_after_a_known_body_stay_where_no_officer_follows():
    # A body's name that goes on after a known body, and an initial after one (the fast profile
    # reads that "A" as a name still).
    text = "Menurut Sekretaris Jenderal ASEAN Tiongkok Center Ma Mingqiang , rendahnya tingkat kunjungan itu wajar ."
    assert ("ASEAN Tiongkok Center", "ORG") in {(m.surface, m.type) for m in extract_actors(text)}
    text = "Dengan Inspektur Upacara Panglima Komando Operasi TNI AU I Marsekal Muda TNI A ."
    assert "A" not in {m.surface for m in extract_actors(text)}


def test_a_school_class_is_no_body_s():
    assert ("Budi Santoso Pratama", "PER") in named("Siswa Kelas II Budi Santoso Pratama meraih juara.")


@pytest.mark.parametrize("text, expected", [
    # A firm's word with no name after it: the firm alone.
    ("Saham itu dinilai murah, kata analis Mirae Asset Sekuritas Indonesia.", {("Mirae Asset Sekuritas Indonesia", "ORG")}),
    ("Kepala Ekonom Bank Central Asia David Sumual menilai inflasi terkendali.",
     {("Bank Central Asia", "ORG"), ("David Sumual", "PER")}),
])
@pytest.mark.parametrize("use_model", [None, False], ids=["full", "fast"])
def test_a_firm_with_no_analyst_after_it_stays_whole(text, expected, use_model):
    assert named(text, use_model=use_model) == expected


@pytest.mark.parametrize("text, expected", [
    # A numbered commission of a known council is a body of its own.
    ("Ketua Komisi III DPR Habiburokhman meminta Polri mengusut kasus itu.",
     {("Komisi III Dewan Perwakilan Rakyat", "ORG"), ("Habiburokhman", "PER"),
      ("Kepolisian Negara Republik Indonesia", "ORG")}),
    ("Komisi Pemberantasan Korupsi memeriksa saksi.", {("Komisi Pemberantasan Korupsi", "ORG")}),
    # A firm's one-word name that is a dictionary word, after "Direktur Utama": no part of the name.
    ("Direktur Utama Garuda Wamildan Tsani Panjaitan mengatakan rute itu baru.", {("Wamildan Tsani Panjaitan", "PER")}),
])
@pytest.mark.parametrize("use_model", [None, False], ids=["full", "fast"])
def test_commissions_and_firms_before_officers(text, expected, use_model):
    assert named(text, use_model=use_model) == expected


@pytest.mark.parametrize("text, place, person", [
    ("Ia menerima Duta Besar Jepang untuk Indonesia Masaki Yasushi di Bandung.", "Indonesia", "Masaki Yasushi"),
    ("Kepala Kantor SAR Surabaya Nanang Sigit menyebut korban selamat.", "Kota Surabaya", "Nanang Sigit"),
])
def test_the_tagger_s_name_after_a_known_place_is_parted_from_it(text, place, person):
    found = named(text)
    assert {(place, "LOC"), (person, "PER")} <= found


@pytest.mark.parametrize("text, expected", [
    # A bare regency name the gazetteer leaves out (an ordinary word, another place) after its regent.
    ("Bupati Toba Poltak Sitorus meresmikan dermaga baru.", {("Kabupaten Toba", "LOC"), ("Poltak Sitorus", "PER")}),
    ("Wali Kota Batu Nurochman meninjau lokasi.", {("Kota Batu", "LOC"), ("Nurochman", "PER")}),
    # An occupation opening the sentence is no part of the name.
    ("Rapper Ahmad Abdul melaporkan Vidi Aldiano ke polisi.", {("Ahmad Abdul", "PER"), ("Vidi Aldiano", "PER")}),
    # A Balinese name keeps its "I".
    ("Wakil Gubernur I Nyoman Giri Prasta meninjau lokasi.", {("I Nyoman Giri Prasta", "PER")}),
    # An academic degree after a name and its comma is no actor.
    ("Prof. Dr. Bambang Brodjonegoro, M.U.P. menjadi pembicara di Surabaya.",
     {("Bambang Brodjonegoro", "PER"), ("Kota Surabaya", "LOC")}),
    # A village head's village, then a name with "bin".
    ("Kepala Desa Kohod Arsin bin Asip diperiksa polisi.", {("Desa Kohod", "LOC"), ("Arsin bin Asip", "PER")}),
])
@pytest.mark.parametrize("use_model", [None, False], ids=["full", "fast"])
def test_regions_occupations_balinese_names_degrees_and_village_heads(text, expected, use_model):
    assert named(text, use_model=use_model) == expected


@pytest.mark.parametrize("text, expected", [
    # The name word the tagger left after an occupation: "Dokter | Tirta | Mandira Hudhi".
    ("Dokter Tirta Mandira Hudhi mengkritik kebijakan itu.", {("Tirta Mandira Hudhi", "PER")}),
    ("Aktris Ni Luh Putu Ary Pertami melahirkan anak pertama.", {("Ni Luh Putu Ary Pertami", "PER")}),
])
@pytest.mark.parametrize("use_model", [None, False], ids=["full", "fast"])
def test_names_after_occupations(text, expected, use_model):
    assert named(text, use_model=use_model) == expected


@pytest.mark.parametrize("use_model", [None, False], ids=["full", "fast"])
def test_a_regional_board_of_nahdlatul_ulama_is_the_body(use_model):
    # The board is the national body, as the NER sets tag it (its province, where read, an actor of its own).
    found = named("Ketua PWNU Jawa Timur KH Abdul Hakim Mahfudz menerima tamu.", use_model=use_model)
    assert {("Nahdlatul Ulama", "ORG"), ("Abdul Hakim Mahfudz", "PER")} <= found


@pytest.mark.parametrize("text, expected", [
    ("Direktur Pelaksana IMF Kristalina Georgieva memuji kebijakan itu.",
     {("IMF", "ORG"), ("Kristalina Georgieva", "PER")}),  # "Pelaksana" is the office's
    ("Balapan digelar di Sirkuit Pertamina Mandalika hari ini.", {("Sirkuit Pertamina Mandalika", "LOC")}),  # a sponsor's venue
])
@pytest.mark.parametrize("use_model", [None, False], ids=["full", "fast"])
def test_offices_and_sponsored_venues(text, expected, use_model):
    assert named(text, use_model=use_model) == expected


def test_a_district_named_before_is_one_actor_after_its_head_s_office():
    text = ("Warga Kecamatan Babakan Madang menolak tempat sampah. Camat Babakan Madang Ridwan mengatakan "
            "pihaknya memfasilitasi dialog.")
    found = {(m.surface, m.name) for m in extract_actors(text, use_model=False)}
    assert found == {("Kecamatan Babakan Madang", "Kecamatan Babakan Madang"),
                     ("Babakan Madang", "Kecamatan Babakan Madang"), ("Ridwan", "Ridwan")}


@pytest.mark.parametrize("text, expected", [
    # A firm's country after its last word is its name's; the analyst follows.
    ("Analis Mirae Asset Sekuritas Indonesia Nafan Aji Gusta menyebut saham bank naik.",
     {("Mirae Asset Sekuritas Indonesia", "ORG")}),
    # A city's department keeps its city, however a pass read it.
    ("Dinas Lingkungan Hidup Kota Bandung mengangkut sampah.", {("Dinas Lingkungan Hidup Kota Bandung", "ORG")}),
    ("Sampah dibuang ke TPA Sarimukti.", {("TPA Sarimukti", None)}),
    ("Polisi Diraja Malaysia menangkap tiga orang.", {("Polisi Diraja Malaysia", "ORG")}),
    ("Badan Narkotika Nasional Provinsi Bali menangkap dua orang.", {("BNN Provinsi Bali", "ORG")}),
])
@pytest.mark.parametrize("use_model", [None, False], ids=["full", "fast"])
def test_firms_departments_and_regional_bodies_keep_their_place(text, expected, use_model):
    found = named(text, use_model=use_model)
    for name, type_ in expected:  # a place or a body: the NER sets read a dump either way
        assert any(n == name and (type_ is None or t == type_) for n, t in found), (name, found)


@pytest.mark.parametrize("text", ["Korban dibawa ke Rumah Sakit terdekat.", "Pejabat dilantik di Balai Kota kemarin."])
def test_a_two_word_head_alone_names_nothing(text):
    assert actors(text, use_model=False) == set()


@pytest.mark.parametrize("text, surface", [
    ("Direktur Utama PLN Darmawan Prasodjo meminta maaf.", "PLN"),  # the office's body, then its holder
    ("Dirut PLN Darmawan Prasodjo meminta maaf.", "PLN"),
])
@pytest.mark.parametrize("use_model", [None, False], ids=["full", "fast"])
def test_an_office_names_its_body_before_the_holder(text, surface, use_model):
    found = by_surface(text, use_model=use_model)
    assert found[surface].type == "ORG" and found["Darmawan Prasodjo"].type == "PER"


@pytest.mark.parametrize("text, surface", [
    ("Pemkab Sleman menutup sementara objek wisata Tebing Breksi karena longsor.", "Tebing Breksi"),
    ("Wisatawan memadati Kawah Ijen dan Curug Cilember.", "Curug Cilember"),  # the tagger reads a person
    ("Warga berlindung di Gua Jepang.", "Gua Jepang"),
    ("Air terjun Coban Rondo di Malang ditutup sementara.", "Coban Rondo"),
    ("Ribuan penonton memadati Stadion Manahan untuk menyaksikan laga itu.", "Stadion Manahan"),  # left untagged
])
@pytest.mark.parametrize("use_model", [None, False], ids=["full", "fast"])
def test_cliffs_waterfalls_caves_and_stadiums_are_places(text, surface, use_model):
    assert by_surface(text, use_model=use_model)[surface].type == "LOC"


@pytest.mark.parametrize("text, surface, kind", [
    ("Penerbangan dari Bandara Ngurah Rai dibatalkan.", "Bandara Ngurah Rai", "LOC"),
    ("Bandara Internasional Dhoho Kediri mulai melayani penerbangan komersial.",
     "Bandara Internasional Dhoho Kediri", "LOC"),  # the airport, not the city
    ("Toyota Astra Motor menarik ribuan unit mobil.", "Toyota Astra Motor", "ORG"),  # not Toyota and Astra
    ("Maskapai Super Air Jet menunda puluhan penerbangan.", "Super Air Jet", "ORG"),
    ("Harga bitcoin anjlok setelah pengumuman The Fed.", "The Fed", "ORG"),
    ("Warga Rempang menolak relokasi yang direncanakan BP Batam.", "BP Batam", "ORG"),
])
@pytest.mark.parametrize("use_model", [None, False], ids=["full", "fast"])
def test_airports_airlines_firms_and_central_banks_are_known(text, surface, kind, use_model):
    assert by_surface(text, use_model=use_model)[surface].type == kind


def test_fuzzy_never_respells_an_acronym():
    # BPD Riau (a regional bank, read by the tagger) is one letter from BPBD Riau (the disaster agency).
    text = "Penghargaan kategori bank daerah diraih oleh BPD Riau dengan skor tertinggi."
    assert by_surface(text, use_model=None)["BPD Riau"].actor_id == "org:bpd-riau"


@pytest.mark.parametrize("text, surface, actor_id", [
    # Every kabupaten, kota and province has its own disaster, election and election-watch body.
    ("BPBD Demak mengevakuasi ratusan warga.", "BPBD Demak", "org:bpbd-kabupaten-demak"),
    ("KPU Kota Bandung menetapkan daftar pemilih.", "KPU Kota Bandung", "org:kpu-kota-bandung"),
    ("Bawaslu Jabar menemukan pelanggaran.", "Bawaslu Jabar", "org:bawaslu-jawa-barat"),
    # By the national body's long name too: the regency's body, not the nation's and a place.
    ("Badan Pengawas Pemilu Kabupaten Bogor tidak menemukan pelanggaran.", "Badan Pengawas Pemilu Kabupaten Bogor",
     "org:bawaslu-kabupaten-bogor"),
    ("Komisi Pemilihan Umum Kota Depok menetapkan hasil.", "Komisi Pemilihan Umum Kota Depok", "org:kpu-kota-depok"),
    ("Badan Penanggulangan Bencana Daerah Provinsi Jawa Barat mencatat kerusakan.",
     "Badan Penanggulangan Bencana Daerah Provinsi Jawa Barat", "org:bpbd-jawa-barat"),
    ("Polrestabes Medan meringkus tiga pelaku.", "Polrestabes Medan", "org:polresta-medan"),
    ("KPU menetapkan jadwal kampanye.", "KPU", "org:komisi-pemilihan-umum"),
    # Prosecutors: a high office per province, a district office per kabupaten and kota.
    ("Kejati Jawa Barat menahan dua pejabat.", "Kejati Jawa Barat", "org:kejaksaan-tinggi-jawa-barat"),
    ("Kejari Bogor menahan dua tersangka.", "Kejari Bogor", "org:kejaksaan-negeri-kota-bogor"),
    # Courts: a district court by its town, the high and the corruption courts by their province.
    ("PN Bogor menolak gugatan itu.", "PN Bogor", "org:pengadilan-negeri-bogor"),
    ("Hakim Pengadilan Tipikor Jakarta membacakan vonis.", "Pengadilan Tipikor Jakarta",
     "org:pengadilan-tipikor-dki-jakarta"),
    # Polda Metro Jaya's resorts go by "Metro", written or not.
    ("Polres Jakarta Barat menangkap pengedar sabu.", "Polres Jakarta Barat", "org:polres-metro-jakarta-barat"),
    ("Polres Metro Bekasi Kota menahan dua pelaku.", "Polres Metro Bekasi Kota", "org:polres-metro-bekasi-kota"),
    ("Polresta Tangerang menahan dua pelaku.", "Polresta Tangerang", "org:polresta-tangerang"),
    # A town's government goes by the town's other names, not by a fuzzy neighbour's (Solok).
    ("Pemkot Solo menata kawasan Pasar Klewer.", "Pemkot Solo", "org:pemerintah-kota-surakarta"),
    ("Bupati Meranti hadir.", "Meranti", "loc:kabupaten-kepulauan-meranti"),
    ("Pemkot Jogja menata kawasan Malioboro.", "Pemkot Jogja", "org:pemerintah-kota-yogyakarta"),
])
def test_regional_bodies_are_their_own_actors(text, surface, actor_id):
    assert by_surface(text, use_model=False)[surface].actor_id == actor_id


def test_regional_long_names_are_matched_exactly_not_fuzzily():
    gazetteer = load_gazetteer()
    key = ("badan", "pengawas", "pemilu", "kabupaten", "bogor")
    assert key in gazetteer.index and key in gazetteer.exact_only
    assert "badan pengawas pemilu kabupaten bogor" not in actors_module._fuzzy_choices(gazetteer, "ORG", 5)


@pytest.mark.parametrize("text, surface, actor_id", [
    # An age group is a team of its own, not the senior side.
    ("Timnas Indonesia U-23 lolos ke semifinal.", "Timnas Indonesia U-23", "org:timnas-indonesia-u-23"),
    ("Pelatih Timnas U-20 memanggil 30 pemain.", "Timnas U-20", "org:timnas-indonesia-u-20"),
    # A one-word name after a legal status or a death is a person's.
    ("Jaksa menuntut terdakwa Sugianto 12 tahun penjara.", "Sugianto", "per:sugianto"),
    ("Hakim membebaskan terdakwa Rahmat dari seluruh dakwaan.", "Rahmat", "per:rahmat"),
    ("Keluarga almarhum Sukiman menerima santunan.", "Sukiman", "per:sukiman"),
    # A brand in lower case.
    ("Startup eFishery dilaporkan memanipulasi laporan keuangan.", "eFishery", "org:efishery"),
])
@pytest.mark.parametrize("use_model", [None, False], ids=["full", "fast"])
def test_teams_status_named_persons_and_brands(text, surface, actor_id, use_model):
    assert by_surface(text, use_model=use_model)[surface].actor_id == actor_id

@pytest.mark.parametrize("text, surface", [
    # After an office held in a body, a body's short name that is a dictionary word comes before
    # its holder ("garuda", "merpati" are birds); the holder is the person.
    ("Mantan Dirut Garuda Emirsyah Satar divonis lima tahun penjara.", "Emirsyah Satar"),
    ("Dirut Merpati Hotasi Nababan divonis bebas.", "Hotasi Nababan"),
])
def test_a_bodys_short_name_between_an_office_and_its_holder(text, surface):
    assert by_surface(text, use_model=False)[surface].type == "PER"


@pytest.mark.parametrize("text, surface", [
    ("Wapres menghadiri peringatan Hari Santri di Pondok Pesantren Lirboyo.", "Pondok Pesantren Lirboyo"),
    ("Ponpes Gontor menggelar wisuda santri.", "Ponpes Gontor"),
    ("Pertamina Hulu Energi menemukan cadangan gas baru.", "Pertamina Hulu Energi"),
    ("KNKT menyelidiki penyebab kecelakaan pesawat itu.", "KNKT"),
    ("Pusat Data Nasional diretas kelompok ransomware.", "Pusat Data Nasional"),
    ("OJK mencabut izin usaha PT Investree Radhika Jaya.", "PT Investree Radhika Jaya"),
    ("Sritex resmi dinyatakan pailit.", "Sritex"),
    ("Satgas PKH menyita kebun sawit ilegal.", "Satgas PKH"),
    ("Kereta cepat Whoosh mengangkut 6 juta penumpang.", "Kereta cepat Whoosh"),
    ("Ruangguru menutup kantor cabangnya di Vietnam.", "Ruangguru"),
    ("Produsen susu Ultra Jaya mencatat pertumbuhan penjualan.", "Ultra Jaya"),
    ("Menteri menyambut investasi pabrik VinFast di Subang.", "VinFast"),
    ("Honda mengumumkan penarikan 10.000 unit sepeda motor.", "Honda"),
    ("Unesa meluluskan 5.000 wisudawan.", "Unesa"),
    ("Pesawat Trigana Air tergelincir di Bandara Serui.", "Trigana Air"),
    ("Maskapai Pelita Air menambah rute penerbangan.", "Pelita Air"),
    ("KAI Commuter menambah 20 perjalanan KRL.", "KAI Commuter"),
])
@pytest.mark.parametrize("use_model", [None, False], ids=["full", "fast"])
def test_boarding_schools_and_state_firms_are_organisations(text, surface, use_model):
    assert by_surface(text, use_model=use_model)[surface].type == "ORG"


@pytest.mark.parametrize("text, surface", [
    # A contest names the other side after its verb: a player's name of two words or more.
    ("Jonatan Christie takluk dari Shi Yu Qi di final All England.", "Shi Yu Qi"),
    ("Gregoria Mariska Tunjung gagal melaju ke final setelah kalah dari An Se-young.", "An Se-young"),
    ("Di final ia mengalahkan Gu Jia Ming dua gim langsung.", "Gu Jia Ming"),
])
def test_a_contests_other_side_is_a_name(text, surface):
    assert by_surface(text, use_model=False)[surface].type == "PER"


@pytest.mark.parametrize("text, surface", [
    ("Inter mengalahkan Siena 1-0 pada laga terakhir.", "Siena"),  # one word: as often a club
    ("Pasangan itu kalah dari Rosiana Tendean / Imelda Wiguna di final.", "Rosiana Tendean / Imelda Wiguna"),
])
def test_a_contests_other_side_needs_a_players_name(text, surface):
    assert surface not in by_surface(text, use_model=False)


@pytest.mark.parametrize("text, surface", [
    ("Pemerintah Irak pimpinan Perdana Menteri Nuri al-Maliki.", "Nuri al-Maliki"),  # not a body office
    ("Keenam korban adalah Kapten Pilot Sigit Triwahyono dan Asmarani.", "Pilot Sigit Triwahyono"),
])
def test_a_dictionary_word_in_a_name_after_other_offices_stays(text, surface):
    assert surface in by_surface(text, use_model=False)



@pytest.mark.parametrize("text", [
    "Polisi memeriksa tersangka Selasa lalu.",  # a day, not a name
    "Tersangka Korupsi itu kabur.",  # a headline's word
])
@pytest.mark.parametrize("use_model", [None, False], ids=["full", "fast"])
def test_a_status_word_before_a_common_word_names_no_one(text, use_model):
    assert [m for m in extract_actors(text, use_model=use_model) if m.type == "PER"] == []


@pytest.mark.parametrize("use_model", [None, False], ids=["full", "fast"])
def test_a_cups_scope_is_no_place(use_model):
    found = by_surface("Timnas Indonesia U-23 lolos ke Piala Asia U-23 di Qatar.", use_model=use_model)
    assert "Asia" not in found and "Qatar" in found


def test_short_forms_resolve_within_the_text_and_ambiguous_ones_do_not():
    text = ("Juru bicara Departemen Luar Negeri AS, Matthew Miller, memberi keterangan. "
            "Matthew mengungkap bahwa Amerika khawatir.")
    matthew = by_surface(text, use_model=False)["Matthew"]
    assert (matthew.actor_id, matthew.resolution) == ("per:matthew-miller", "short:Matthew→Matthew Miller")
    text = "Kim Jong Un bertemu ayahnya Kim Jong Il. Kim mengatakan hubungan itu penting."
    kim = by_surface(text, use_model=False)["Kim"]
    assert kim.actor_id == "per:kim" and kim.resolution.startswith("ambiguous:Kim")
    text = "John Nilsson-Wright, kepala program Jepang, hadir. Nilsson-Wright mengatakan itu penting."
    assert by_surface(text, use_model=False)["Nilsson-Wright"].actor_id == "per:john-nilsson-wright"
    # A capitalised word opening a sentence before a speech verb is only kept when it resolves.
    assert "Pemerintah" not in by_surface("Pemerintah mengatakan harga naik.", use_model=False)


@pytest.mark.parametrize("text, surface, role", [
    ("Presiden Rusia Vladimir Putin tiba.", "Vladimir Putin", "Presiden Rusia"),
    ("kata juru bicara Kremlin Dmitry Peskov.", "Dmitry Peskov", "juru bicara Kremlin"),
    ("Koordinator Komunikasi Strategis Dewan Pertahanan Nasional AS John Kirby mengatakan itu.", "John Kirby",
     "Koordinator Komunikasi Strategis Dewan Pertahanan Nasional AS"),
    ("Penasihat kebijakan luar negeri Rusia, Yuri Ushakov mengungkap itu.", "Yuri Ushakov",
     "Penasihat kebijakan luar negeri Rusia"),
    ("John Nilsson-Wright, kepala program Jepang di Universitas Cambridge, mengatakan itu.",
     "John Nilsson-Wright", "kepala program Jepang di Universitas Cambridge"),
    ("Direktur Utama PT Pertamina (Persero) Nicke Widyawati hadir.", "Nicke Widyawati",
     "Direktur Utama PT Pertamina (Persero)"),
    ("Pengamat politik dari Universitas Airlangga, Airlangga Pribadi Kusman, menilai itu.", "Airlangga Pribadi Kusman",
     "Pengamat politik dari Universitas Airlangga"),
    ("menyambut Putin, pemimpin Korea Utara, Kim Jong Un tersenyum.", "Putin", ""),
    ("menyambut Putin, pemimpin Korea Utara, Kim Jong Un tersenyum.", "Kim Jong Un", "pemimpin Korea Utara"),
    # A rank before the name is no part of the role; "Jenderal" completes some offices.
    ("Kapolri Jenderal Listyo Sigit Prabowo menegaskan hal itu.", "Listyo Sigit Prabowo", "Kapolri"),
    ("Kapolda Metro Jaya Irjen Karyoto menegaskan hal itu.", "Karyoto", "Kapolda Metro Jaya"),
    ("Kapolda Metro Jaya Karyoto menegaskan hal itu.", "Karyoto", "Kapolda Metro Jaya"),
    ("Direktur Jenderal Pajak Suryo Utomo menegaskan hal itu.", "Suryo Utomo", "Direktur Jenderal Pajak"),
    # Portfolios joined by "dan" are one role.
    ("Menteri Hukum dan HAM Yasonna Laoly menegaskan hal itu.", "Yasonna Laoly", "Menteri Hukum dan HAM"),
    ("Direktur Pemasaran dan Niaga Pertamina Hanung Budya menegaskan hal itu.", "Hanung Budya",
     "Direktur Pemasaran dan Niaga Pertamina"),
    # Company offices written short or in English.
    ("Komut Pertamina Ahok hadir.", "Ahok", "Komut Pertamina"),
    ("Presdir Astra Djony Bunarto Tjondro mengatakan itu.", "Djony Bunarto Tjondro", "Presdir Astra"),
    ("Founder Gojek Nadiem Makarim hadir.", "Nadiem Makarim", "Founder Gojek"),
    ("Corporate Secretary Bank Mandiri Teuku Ali Usman mengatakan hal itu.", "Teuku Ali Usman",
     "Corporate Secretary Bank Mandiri"),
    ("Corporate Communication Manager Telkomsel Andi Santoso mengatakan jaringan normal.", "Andi Santoso",
     "Corporate Communication Manager Telkomsel"),
    # After "Menurut", an office and a comma name the holder only where a comma closes the name.
    ("Menurut Direktur Eksekutif Indef, Tauhid Ahmad, target itu realistis.", "Tauhid Ahmad",
     "Direktur Eksekutif Indef"),
    ("Menurut Kapolres Metro Jakarta Selatan, Budi Santoso sudah lama diincar.", "Budi Santoso", ""),
    ("Hal itu benar, kata juru bicara FPPP, Syumli Syadli kepada wartawan.", "Syumli Syadli", "juru bicara FPPP"),
    # A field of study or policy in lower case goes on the role.
    ("Pakar hukum tata negara Bivitri Susanti menilai putusan itu final.", "Bivitri Susanti", "Pakar hukum tata negara"),
    ("Pengamat kebijakan publik Trubus Rahadiansyah menyebut aturan itu keliru.", "Trubus Rahadiansyah",
     "Pengamat kebijakan publik"),
    ("Guru besar hukum pidana Universitas Gadjah Mada Marcus Priyo Gunarto menilai dakwaan lemah.",
     "Marcus Priyo Gunarto", "Guru besar hukum pidana Universitas Gadjah Mada"),
    ("Kasus korupsi pendidikan Budi Santoso disidangkan.", "Budi Santoso", ""),  # no role opens it
])
@pytest.mark.parametrize("use_model", [True, False], ids=["full", "fast"])
def test_roles(text, surface, role, use_model):
    assert by_surface(text, use_model=use_model)[surface].role == role


@pytest.mark.parametrize("text", [
    # Units and portfolios after an office are no person.
    "Ia pernah menjadi Komandan Batalyon 7 Resimen 21 di Yogyakarta.",
    "Ia menjabat Menteri Tenaga Kerja pada 1998.",
    "Hal itu disampaikan Ketua Pembina Yayasan kemarin.",
    "Pilihannya mengganti Ketua Pansel itu.",
    "Hal itu disampaikan Komisioner Komnas HAM kemarin.",
    "VP Corporate Communication Pertamina hadir.",
])
def test_units_and_portfolios_after_an_office_are_no_person(text):
    assert [m.surface for m in extract_actors(text, use_model=False) if m.type == "PER"] == []


@pytest.mark.parametrize("text, found", [
    ("Wali Kota Lantik Pejabat Eselon II di Balai Kota", []),  # "Wali Kota" is an office
    ("KPU Umumkan Daftar Calon Tetap Anggota Legislatif", [("KPU", "ORG")]),
    ("Menteri Budi Hadiri Rapat Kerja di DPR", [("Budi", "PER"), ("DPR", "ORG")]),  # was nobody
])
@pytest.mark.parametrize("use_model", [True, False], ids=["full", "fast"])
def test_a_headlines_words_after_an_office_are_no_name(text, found, use_model):
    assert [(m.surface, m.type) for m in extract_actors(text, use_model=use_model)] == found


@pytest.mark.parametrize("text, body, person", [
    ("Kepala Dinas Kesehatan DKI Jakarta Ani Ruspitawati menyebut kasus DBD meningkat.",
     "Dinas Kesehatan DKI Jakarta", "Ani Ruspitawati"),
    # The office may open a unit before the body: the same one test decides both cuts.
    ("Kepala Bidang Pencegahan Dinas Kesehatan DKI Jakarta Ani Ruspitawati menyebut kasus DBD meningkat.",
     "Dinas Kesehatan DKI Jakarta", "Ani Ruspitawati"),
    ("Gubernur Bank Sentral Malaysia Zeti Akhtar Aziz mengatakan inflasi turun.", "Bank Sentral Malaysia", "Zeti Akhtar Aziz"),
    # No place: the portfolio's dictionary words end where the holder's name-shaped words start.
    ("Kepala Dinas Pendidikan Diah Ningrum mengatakan sekolah dibuka.", "Dinas Pendidikan", "Diah Ningrum"),
    ("Kepala Bidang Peternakan Dinas Pertanian dan Peternakan Diah Ningrum pun mengatakan hewan itu sehat.",
     "Dinas Pertanian dan Peternakan", "Diah Ningrum"),
])
def test_after_an_office_a_bodys_name_ends_with_its_place_in_the_fast_profile(text, body, person):
    found = {m.surface: m.type for m in extract_actors(text, use_model=False)}
    assert (found.get(body), found.get(person)) == ("ORG", "PER")


@pytest.mark.parametrize("text, body", [
    ("Direktur Rumah Sakit Hasan Sadikin mengatakan pasien pulih.", "Rumah Sakit Hasan Sadikin"),
    ("Kepala Sekolah Dasar Ki Hajar Dewantara menyambut murid baru.", "Sekolah Dasar Ki Hajar Dewantara"),
])
def test_a_body_named_after_a_person_keeps_the_name_in_the_fast_profile(text, body):
    # Hospitals and universities bear people's names; a body's own name is no portfolio word.
    assert {m.surface: m.type for m in extract_actors(text, use_model=False)}.get(body) == "ORG"


@pytest.mark.parametrize("text, place, person", [
    ("Bupati Bogor Ade Yasin hadir.", "Bogor", "Ade Yasin"),
    ("Wali Kota Bogor Bima Arya hadir.", "Kota Bogor", "Bima Arya"),
    ("Bupati Malang Sanusi hadir.", "Malang", "Sanusi"),
    ("Wakil Bupati Garut Helmi Budiman hadir.", "Garut", "Helmi Budiman"),
    ("Bupati Kabupaten Bandung Dadang Supriatna hadir.", "Kabupaten Bandung", "Dadang Supriatna"),
    ("Gubernur Sumatera Barat Mahyeldi hadir.", "Sumatera Barat", "Mahyeldi"),
])
@pytest.mark.parametrize("use_model", [True, False], ids=["full", "fast"])
def test_an_office_place_and_its_holder_are_two_actors(text, place, person, use_model):
    # The tagger reads "Bogor Ade Yasin" after "Bupati" as one place; the known place is split off.
    found = {m.surface: m.type for m in extract_actors(text, use_model=use_model)}
    assert found == {place: "LOC", person: "PER"}


@pytest.mark.parametrize("text, expected", [
    ("Kasat Reskrim Polres Bogor AKP Teguh Kumara hadir.", {"Polres Bogor": "ORG", "Teguh Kumara": "PER"}),
    ("Kapolsek Cibinong Kompol Wahyu Hidayat hadir.", {"Cibinong": "LOC", "Wahyu Hidayat": "PER"}),  # a known town
    ("Kapten Budi Santoso hadir.", {"Budi Santoso": "PER"}),
    # The tagger sees no name here; a rank right before capitalised words still makes a person.
    ("Pangdam Jaya Mayjen Mohamad Hasan meninjau lokasi banjir.", {"Mohamad Hasan": "PER"}),
    ("Dandim 0621 Kabupaten Bogor Letkol Inf Teguh meninjau lokasi.", {"Kabupaten Bogor": "LOC", "Teguh": "PER"}),
    # A word that continues a place's name is no name alone: "Jaya" is the unit, Kodam Jaya.
    ("Pangdam Jaya meninjau lokasi banjir.", {}),
    # After a unit's commander come the unit's name, then a rank and the holder.
    ("Kapolda Metro Jaya hadir dalam rapat.", {}),
    ("Pangdam Iskandar Muda hadir.", {}),
    ("Kapolres Metro Jakarta Selatan hadir.", {"Jakarta Selatan": "LOC"}),
    ("Kasdam Jaya Brigjen Eko hadir.", {"Eko": "PER"}),
    ("Kodam Jaya Brigjen Eko Santoso hadir.", {"Kodam Jaya": "ORG", "Eko Santoso": "PER"}),
    ("Kapolda Irjen Karyoto hadir.", {"Karyoto": "PER"}),
    # A unit's known area ends its name: the holder may follow without a rank.
    ("Kapolda Metro Jaya Karyoto menegaskan hal itu.", {"Karyoto": "PER"}),
    ("Pangdam Jaya Mohamad Hasan meninjau lokasi banjir.", {"Mohamad Hasan": "PER"}),
    ("Pangdam Iskandar Muda Niko Fahrizal meninjau lokasi banjir.", {"Niko Fahrizal": "PER"}),
    ("Kapolda Metro Jaya Tinjau Lokasi Banjir", {}),  # a headline's words are no holder
    # After a district's or village's office, of three or more name words the first is the area.
    ("Camat Cibinong Bambang Sutrisno menghadiri rapat warga.", {"Cibinong": "LOC", "Bambang Sutrisno": "PER"}),
    ("Camat Bambang Sutrisno menghadiri rapat warga.", {"Bambang Sutrisno": "PER"}),  # two words: the name
    ("Kades Sukamaju Slamet Riyadi hadir.", {"Sukamaju": "LOC", "Slamet Riyadi": "PER"}),
    ("Kepala Desa Sukamaju Ahmad Yani hadir.", {"Desa Sukamaju": "LOC", "Ahmad Yani": "PER"}),
    ("Kepala Desa Pasir Jaya hadir.", {"Desa Pasir Jaya": "LOC"}),
])
@pytest.mark.parametrize("use_model", [True, False], ids=["full", "fast"])
def test_ranks_units_and_areas_are_not_part_of_a_name(text, expected, use_model):
    assert {m.surface: m.type for m in extract_actors(text, use_model=use_model)} == expected


@pytest.mark.parametrize("text, person", [
    ("Kejaksaan menangkap buronan kasus BLBI Samadikun Hartono di Shanghai.", "Samadikun Hartono"),
    ("Mantan Presiden BJ Habibie dimakamkan di Kalibata.", "BJ Habibie"),  # two letters: initials
])
def test_an_acronym_before_a_tagged_name_is_no_part_of_it(text, person):
    # The tagger reads "BLBI Samadikun Hartono" as one person.
    assert person in {m.surface for m in extract_actors(text, use_model=True) if m.type == "PER"}


@pytest.mark.parametrize("text, span, expected", [
    # The tagger's span is given as (first, last, type) in tokens; the gazetteer seeds the known names.
    ("Bupati Bogor Ade Yasin hadir.", (1, 4, "LOC"), [(1, 2, "LOC"), (2, 4, "PER")]),
    ("Polres Bogor AKP Teguh Kumara hadir.", (0, 5, "ORG"), [(0, 2, "ORG"), (2, 5, "PER")]),
    ("Bupati Jakarta Selatan Raya hadir.", (1, 4, "LOC"), [(1, 4, "LOC")]),  # a place's name goes on
    # A known place, then two or three name words and a verb: a place and a person, office or not.
    ("Warga Bogor Ade Yasin hadir.", (1, 4, "LOC"), [(1, 2, "LOC"), (2, 4, "PER")]),
    ("Warga Bogor Raya hadir.", (1, 3, "LOC"), [(1, 3, "LOC")]),  # one word after it: the place's name
    ("Bupati Bogor Ade Yasin Budi Santoso Wibowo hadir.", (1, 7, "LOC"), [(1, 7, "LOC")]),  # five words: no name
    ("Bupati Bogor Ade Yasin hadir.", (1, 4, "PER"), [(1, 2, "LOC"), (2, 4, "PER")]),  # typed a person too
    ("Bupati Ade Yasin hadir.", (1, 3, "LOC"), [(1, 3, "LOC")]),  # no known name opens it
])
def test_split_office_place_parts_only_a_known_name_and_a_holder(text, span, expected):
    tokens = tokenize(text)
    candidates, owner = actors_module._seed_candidates(load_gazetteer().spans(tokens), len(tokens.words))
    parts = actors_module._split_office_place(tokens, 0, (*span, 0.9), owner, candidates)
    assert [(first, last, type_) for first, last, type_, _ in parts] == expected


@pytest.mark.parametrize("text, span, expected", [
    ("Kasdam Jaya Brigjen Eko hadir.", (0, 4, "LOC"), [(3, 4, "PER")]),  # an office opens it: no actor
    ("Kodam Jaya Brigjen Eko Santoso hadir.", (0, 5, "ORG"), [(0, 2, "ORG"), (3, 5, "PER")]),
    ("Korem Kolonel Inf Rudy hadir.", (0, 4, "ORG"), [(0, 1, "ORG"), (3, 4, "PER")]),  # ranks in a row
    ("Brigjen Eko hadir.", (0, 2, "ORG"), [(1, 2, "PER")]),
    ("Kodam Jaya hadir.", (0, 2, "ORG"), [(0, 2, "ORG")]),  # no rank
    ("Kodam Jaya Brigjen hadir.", (0, 3, "ORG"), [(0, 3, "ORG")]),  # nobody after it
    ("Kodam Brigjen Eko Budi Santoso Adi Wibowo hadir.", (0, 7, "ORG"), [(0, 7, "ORG")]),  # five words: no name
    ("Kodam Brigjen Jaya hadir.", (0, 3, "ORG"), [(0, 3, "ORG")]),  # a place's word, not a name
])
def test_split_at_rank_parts_a_holder_after_a_rank(text, span, expected):
    tokens = tokenize(text)
    owner = [-1] * len(tokens.words)
    parts = actors_module._split_at_rank(tokens, 0, (*span, 0.9), owner)
    assert [(first, last, type_) for first, last, type_, _ in parts] == expected


@pytest.mark.parametrize("text, places", [
    ("Banjir merendam Kecamatan Porong sejak Senin.", ["Kecamatan Porong"]),
    ("Perahu terbalik di Sungai Brantas kemarin.", ["Sungai Brantas"]),
    ("Demo berlangsung di Jalan Merdeka Barat Nomor 5.", ["Jalan Merdeka Barat"]),  # the number is not its name
    ("Gunung Rinjani Ditemukan Selamat", ["Gunung Rinjani"]),  # a headline's verb is not its name
    ("Jalan menuju desa itu rusak.", []),  # a head word alone
])
def test_a_place_word_opens_an_unknown_place_in_the_fast_profile(text, places):
    assert [m.surface for m in extract_actors(text, use_model=False) if m.type == "LOC"] == places


@pytest.mark.parametrize("text, places", [
    ("Banjir merendam Kecamatan Porong, Tanggulangin, dan Jabon sejak Senin.",
     ["Kecamatan Porong", "Tanggulangin", "Jabon"]),
    ("Warga Desa Giripurwo dan Wonosari mengungsi.", ["Desa Giripurwo", "Wonosari"]),
    ("Warga Kampung Kampal dan Masigi mengungsi.", ["Kampung Kampal", "Masigi"]),  # every listed head word
    # A dictionary word opens a new clause; a known person stays a person.
    ("Batasnya Kecamatan Nguter, Sebelah timurnya Desa Tiyaran.", ["Kecamatan Nguter", "Desa Tiyaran"]),
    ("Warga Kelurahan Menteng dan Joko Widodo hadir.", ["Kelurahan Menteng"]),
    # After an office, a name between commas is its holder, not a listed place.
    ("Kepala Desa Sukamaju, Ahmad Yani, menyebut 20 rumah rusak.", ["Desa Sukamaju"]),
])
@pytest.mark.parametrize("use_model", [True, False], ids=["full", "fast"])
def test_places_listed_after_a_village_or_district_are_places(text, places, use_model):
    assert [m.surface for m in extract_actors(text, use_model=use_model) if m.type == "LOC"] == places


@pytest.mark.parametrize("text, expected", [
    ("Kepala Basarnas Jatim Gatot Soebroto meninjau lokasi.", {"Basarnas": "ORG", "Jatim": "LOC", "Gatot Soebroto": "PER"}),
    # A regional body is one actor with its place; its holder is still read after it.
    ("Kepala BPBD Jatim Gatot Soebroto meninjau lokasi.", {"BPBD Jatim": "ORG", "Gatot Soebroto": "PER"}),
    # A known state firm and its director, whom the tagger reads as one organisation.
    ("Dirut PT Timah Mochtar Riza Pahlevi ditahan Kejaksaan Agung.",
     {"PT Timah": "ORG", "Mochtar Riza Pahlevi": "PER", "Kejaksaan Agung": "ORG"}),
])
@pytest.mark.parametrize("use_model", [True, False], ids=["full", "fast"])
def test_a_body_its_place_and_its_holder_are_apart(text, expected, use_model):
    assert {m.surface: m.type for m in extract_actors(text, use_model=use_model)} == expected


@pytest.mark.parametrize("text, persons", [
    # One known name makes the names listed with it persons, before and after it.
    ("Hadir antara lain Hadi Utomo, Toto Riyanto, Joko Widodo, Marzuki Alie dan Syarief Hasan.",
     ["Hadi Utomo", "Toto Riyanto", "Joko Widodo", "Marzuki Alie", "Syarief Hasan"]),
    ("Misalnya Aburizal Bakrie atau Joko Widodo.", ["Aburizal Bakrie", "Joko Widodo"]),  # the opener is no name
    ("Sebelumnya, Joko Widodo hadir.", ["Joko Widodo"]),  # a clause's opening word
    ("Joko Widodo, Rabu (12/6), hadir.", ["Joko Widodo"]),  # a date ends the list
    ("Joko Widodo, Ketua DPR Puan Maharani dan Prabowo Subianto hadir.",
     ["Joko Widodo", "Puan Maharani", "Prabowo Subianto"]),  # an office ends it (the role rule reads the rest)
    # An attribution that opens the sentence is capitalised with the name; an acronym is no person.
    ("Menurut Haposan, permintaan itu wajar.", ["Haposan"]),
    ("Menurut POTM biaya itu sangat tinggi.", []),
])
def test_names_listed_with_a_person_are_persons_in_the_fast_profile(text, persons):
    assert [m.surface for m in extract_actors(text, use_model=False) if m.type == "PER"] == persons


@pytest.mark.parametrize("text, expected", [
    ("Saham di Bursa Efek Indonesia (BEI) naik.", [("Bursa Efek Indonesia (BEI)", "Bursa Efek Indonesia")]),
    ("Putusan Mahkamah Konstitusi (MK) final.", [("Mahkamah Konstitusi (MK)", "Mahkamah Konstitusi")]),
    # A person's nickname is a name of its own.
    ("Presiden Joko Widodo (Jokowi) hadir.", [("Joko Widodo", "Joko Widodo"), ("Jokowi", "Joko Widodo")]),
])
@pytest.mark.parametrize("use_model", [True, False], ids=["full", "fast"])
def test_a_known_name_and_its_bracketed_short_form_are_one_mention(text, expected, use_model):
    assert [(m.surface, m.name) for m in extract_actors(text, use_model=use_model)] == expected


@pytest.mark.parametrize("surface, expected", [
    ("Badan Kesehatan Dunia (WHO)", ("Badan Kesehatan Dunia", "WHO")),
    ("Dinas Kesehatan (Dinkes)", ("Dinas Kesehatan", "Dinkes")),  # one capital, but it abbreviates
    ("Badan Pengatur Hilir Minyak dan Gas Bumi (BPH Migas)", ("Badan Pengatur Hilir Minyak dan Gas Bumi", "BPH Migas")),
    ("PT Telkom Indonesia (Tbk)", ("PT Telkom Indonesia", "")),  # a legal form declares nothing
    ("PT Pertamina (Persero)", ("PT Pertamina", "")),
    ("Kementerian Kesehatan", ("Kementerian Kesehatan", "")),
    ("(WHO)", ("(WHO)", "")),
])
def test_a_bracketed_short_form_is_split_off_a_name(surface, expected):
    assert actors_module._split_short_form(surface) == expected


@pytest.mark.parametrize("text, surface, actor_id", [
    ("Badan Kesehatan Dunia (WHO) menyatakan wabah berakhir.", "Badan Kesehatan Dunia (WHO)", "org:who"),
    # An unknown name is named without its brackets, and keeps its own actor even where its short
    # form is known: short forms are ambiguous ("Dewan Pimpinan Daerah (DPD)" is no senate).
    ("Organisasi Kesehatan Sedunia (WHO) menyatakan wabah berakhir.", "Organisasi Kesehatan Sedunia (WHO)",
     "org:organisasi-kesehatan-sedunia"),
    ("Ikatan Ahli Perencanaan Indonesia (IAPI) merilis daftar kota.", "Ikatan Ahli Perencanaan Indonesia (IAPI)",
     "org:ikatan-ahli-perencanaan-indonesia"),
    # A legal form is left out of the name, and so is a firm's "PT" when that names a known actor.
    ("Saham PT Telkom Indonesia (Tbk) naik.", "PT Telkom Indonesia (Tbk)", "org:telkom-indonesia"),
])
@pytest.mark.parametrize("use_model", [True, False], ids=["full", "fast"])
def test_a_name_with_its_bracketed_short_form_is_one_actor(text, surface, actor_id, use_model):
    assert by_surface(text, use_model=use_model)[surface].actor_id == actor_id


def test_a_bracketed_year_joins_no_name_in_the_fast_profile():
    found = [(m.surface, m.actor_id) for m in extract_actors("Kongres Partai Gerakan Baru (2024) digelar.",
                                                             use_model=False)]
    assert found == [("Partai Gerakan Baru", "org:partai-gerakan-baru")]


def test_a_short_form_declared_in_brackets_stands_for_its_name_later_in_the_text():
    text = "Kemensos mengajak Himpunan Mahasiswa Islam (HMI) berdialog. Ketua HMI Budi Santoso mengatakan HMI siap."
    found = [(m.surface, m.actor_id) for m in extract_actors(text, use_model=True) if m.type == "ORG"]
    assert found[-3:] == [("Himpunan Mahasiswa Islam (HMI)", "org:himpunan-mahasiswa-islam"),
                          ("HMI", "org:himpunan-mahasiswa-islam"), ("HMI", "org:himpunan-mahasiswa-islam")]


@pytest.mark.parametrize("text, name", [
    ("KPK juga mengamankan Kepala Dinas PUPR Kabupaten Bekasi.", "Dinas PUPR Kabupaten Bekasi"),  # an acronym stays
    ("\"Kami siap,\" kata AGUS HEBI DJUNIANTORO kepada wartawan.", "Agus Hebi Djuniantoro"),  # a name set in capitals
])
def test_an_unknown_names_display_form(text, name):
    assert name in [m.name for m in extract_actors(text, use_model=False)]


@pytest.mark.parametrize("text, expected", [
    # A think tank between an expert's occupation and name is the body, not part of the name.
    ("Ekonom Indef Tauhid Ahmad menilai target tersebut realistis.", [("Indef", "ORG"), ("Tauhid Ahmad", "PER")]),
    ("Menurut INDEF, target itu realistis.", [("INDEF", "ORG")]),  # a mixed-case alias covers capitals too
])
@pytest.mark.parametrize("use_model", [False, None])
def test_think_tanks_are_bodies(text, expected, use_model):
    assert [(m.surface, m.type) for m in extract_actors(text, use_model=use_model)] == expected


@pytest.mark.parametrize("text, expected", [
    # A listed firm's stock ticker names it, in capitals only ("buka" is a word).
    ("Harga saham BBCA turun 3 persen.", [("BBCA", "Bank Central Asia")]),
    ("Saham TLKM dan BBRI menguat.", [("TLKM", "Telkom Indonesia"), ("BBRI", "Bank Rakyat Indonesia")]),
])
@pytest.mark.parametrize("use_model", [False, None])
def test_a_stock_ticker_names_its_firm(text, expected, use_model):
    assert [(m.surface, m.name) for m in extract_actors(text, use_model=use_model)] == expected


def test_without_the_tagger_another_actors_short_form_stays_apart():
    found = [(m.surface, m.name) for m in extract_actors("Bank Indonesia (BEI) hadir.", use_model=False)]
    assert found == [("Bank Indonesia", "Bank Indonesia"), ("BEI", "Bursa Efek Indonesia")]


@pytest.mark.parametrize("text, persons", [
    ("Nurul mengatakan, keputusan itu sudah final.", ["Nurul"]),  # no dictionary word: a name
    ("Pemerintah mengatakan, keputusan itu sudah final.", []),  # a dictionary word opening the sentence
    ("KPAI mengatakan, keputusan itu sudah final.", []),  # an acronym: no person
    # Verbs of stance and request take a person too.
    ("Howard menolak memberikan alasan pemecatan itu.", ["Howard"]),
    ("Namun, Sufyan memastikan gejolak itu tidak akan berlanjut.", ["Sufyan"]),
    ("Pemerintah berharap keputusan itu sudah final.", []),
    # One adverb may stand between the subject and its verb.
    ("Rachlan juga menegaskan, kalaupun ada komunikasi, itu biasa.", ["Rachlan"]),
    ("Hanung pun mengatakan hal serupa kepada wartawan.", ["Hanung"]),
    ("Pemerintah juga menegaskan hal serupa.", []),
    ("Rachlan juga hadir di sana.", []),  # no verb of speech or stance
    # What only a person does, lives or suffers; not what a firm does too.
    ("Pada tahun berikutnya, Udit menikah di Mumbai.", ["Udit"]),
    ("Petersen menderita penyimpangan seksual.", ["Petersen"]),
    ("Liberace dilahirkan di West Allis.", ["Liberace"]),
    ("Shopee meluncurkan fitur baru.", []),
    ("Sebanyak 13 prajurit Garda Revolusi tewas.", []),
    # A dictionary word opening the sentence is no part of the name before the verb; a given name is.
    ("Warga Sukirman mengatakan banjir datang tiba-tiba.", ["Sukirman"]),
    ("Maria Augusta Kutschera lahir di dalam kereta.", ["Maria Augusta Kutschera"]),
    # A word never in a name opens the run and goes.
    ("Namun Noor Laila mengatakan belum tahu bentuk tindakannya.", ["Noor Laila"]),
])
def test_a_single_name_that_speaks_or_lives_is_a_person_in_the_fast_profile(text, persons):
    assert [m.surface for m in extract_actors(text, use_model=False) if m.type == "PER"] == persons


@pytest.mark.parametrize("text, persons", [
    # A day or a month after a name is the date's ("kata X Selasa (18/6)"), a count the next sentence's.
    ("Menurut Ketua KPU Hasyim Asyari Selasa (18/6) di Jakarta, tahapan berjalan lancar.", ["Hasyim Asyari"]),
    ("Relawan bergerak, imbuh Sanchez Ratusan relawan lain menyusul.", ["Sanchez"]),
    # A unit office's name is a place, but a name-shaped run after it is its holder.
    ("Hal itu dikatakan Kapolres Ahmad Riyadi, Senin (17/6) di Jakarta.", ["Ahmad Riyadi"]),
    ("Kapolsek Pasar Minggu hadir di lokasi kejadian.", []),
    # Portfolios, corps and spellings of offices are no names.
    ("Hal itu disampaikan Menko Polhukam, Djoko Suyanto dalam jumpa pers.", ["Djoko Suyanto"]),
    ("Ia menjemput Panglima Besar Jendral Soedirman pulang dari gerilya.", ["Soedirman"]),
    # A conjunction opening a sentence after an acronym's full stop is no name.
    ("Presiden mencopot menteri dari PPP. Karena kita tidak di situ.", []),
])
def test_dates_counts_offices_and_conjunctions_beside_a_name_are_not_part_of_it(text, persons):
    assert [m.surface for m in extract_actors(text, use_model=False) if m.type == "PER"] == persons


@pytest.mark.parametrize("text, persons", [
    ("Menurut Ketua KPU Hasyim Asyari Selasa (18/6) di Jakarta, tahapan berjalan lancar.", ["Hasyim Asyari"]),
    # One word of the name may be a root word ("erik", "satar"), but not two: a headline's words.
    ("Bupati Labuhanbatu Erik Adtrada Ritonga ditahan KPK.", ["Erik Adtrada Ritonga"]),
    ("Mantan Dirut Garuda Emirsyah Satar divonis 5 tahun penjara.", ["Emirsyah Satar"]),
    ("Gubernur Jawa Barat Terima Audiensi Pengusaha Hotel", []),
])
def test_a_name_after_a_stated_role_counts_where_the_tagger_missed_it(text, persons):
    assert [m.surface for m in extract_actors(text, use_model=True) if m.type == "PER"] == persons


@pytest.mark.parametrize("text, organisations", [
    # "DPD" before a party is the party's regional board: the party is the actor, not the Senate.
    ("Hal itu dikatakan Ketua DPD Nasdem Sumenep, Sufyan Absi, kemarin.", ["Nasdem"]),
    ("Pengurus DPD I Partai Golkar Jawa Barat menggelar rapat kemarin.", ["Partai Golkar"]),
    ("Ketua DPD RI dan para anggota DPD menggelar rapat kemarin.", ["DPD RI", "DPD"]),
])
@pytest.mark.parametrize("use_model", [True, False], ids=["full", "fast"])
def test_a_partys_regional_board_is_the_party(text, organisations, use_model):
    assert [m.surface for m in extract_actors(text, use_model=use_model) if m.type == "ORG"] == organisations


@pytest.mark.parametrize("text, places", [
    # Waters named after a place are not the place ("Selat Makassar" is no city of Makassar).
    ("Kapal tenggelam di Selat Makassar.", ["Selat Makassar"]),
    ("Wisatawan memadati Danau Toba dan Teluk Jakarta.", ["Danau Toba", "Teluk Jakarta"]),
])
@pytest.mark.parametrize("use_model", [True, False], ids=["full", "fast"])
def test_waters_named_after_a_place_are_their_own_places(text, places, use_model):
    assert [m.name for m in extract_actors(text, use_model=use_model) if m.type == "LOC"] == places


@pytest.mark.parametrize("text, organisation", [
    ("Pasien Rumah Sakit Sardjito mengeluh.", "Rumah Sakit Sardjito"),  # the tagger reads "Sakit Sardjito" as a person
    ("Santri Pondok Pesantren Lirboyo hadir.", "Pondok Pesantren Lirboyo"),
])
@pytest.mark.parametrize("use_model", [True, False], ids=["full", "fast"])
def test_a_two_word_head_opens_its_name(text, organisation, use_model):
    assert [(m.surface, m.type) for m in extract_actors(text, use_model=use_model)] == [(organisation, "ORG")]


@pytest.mark.parametrize("text, expected", [
    ("Tim SAR gabungan masih mencari dua korban.", {"Tim SAR"}),
    # Right before the body that sends it, the team is the body's: one actor.
    ("Tim SAR Basarnas masih mencari dua korban.", {"Badan SAR Nasional"}),
    ("Tim SAR gabungan dan Basarnas masih mencari dua korban.", {"Tim SAR", "Badan SAR Nasional"}),
])
@pytest.mark.parametrize("use_model", [True, False], ids=["full", "fast"])
def test_the_search_and_rescue_team_is_an_organisation(text, expected, use_model):
    found = {m.name: m.type for m in extract_actors(text, use_model=use_model)}
    assert found == dict.fromkeys(expected, "ORG")


@pytest.mark.parametrize("text, places", [
    ("Warga Kelurahan Menteng hadir.", ["Kelurahan Menteng"]),  # the tagger leaves it untagged
    # A headline's capitalised link words end a place's name.
    ("Banjir Di Desa Sukamaju Dan Kampung Melayu", ["Desa Sukamaju", "Kampung Melayu"]),
    ("Warga Desa Sukamaju Yang Terdampak Banjir Mengungsi", ["Desa Sukamaju"]),
    # Its people opening a sentence are no part of a place's name.
    ("Pedagang Pasar Tanah Abang mengeluhkan sepinya pembeli.", ["Pasar Tanah Abang"]),
    ("Warga Rumah Susun Marunda mengeluh.", ["Rumah Susun Marunda"]),  # the tagger reads "Susun Marunda" as a person
])
@pytest.mark.parametrize("use_model", [True, False], ids=["full", "fast"])
def test_a_place_words_run_is_a_place_in_both_profiles(text, places, use_model):
    assert [m.surface for m in extract_actors(text, use_model=use_model) if m.type == "LOC"] == places


@pytest.mark.parametrize("text, organisations", [
    # A school's number belongs to its name: each is an actor of its own.
    ("Siswa SMA Negeri 2 Surabaya dan SMK Negeri 1 Bengkulu juara.", ["SMA Negeri 2 Surabaya", "SMK Negeri 1 Bengkulu"]),
    ("Kegiatan di SMP Negeri 34 sejak 2006.", ["SMP Negeri 34"]),
    # ... and so it does after short heads, and after "Negeri" in a name written out.
    ("Siswa SDN 2 Cibinong dan SMPN 1 Bogor ikut lomba.", ["SDN 2 Cibinong", "SMPN 1 Bogor"]),
    ("Ia lulusan MTs Negeri 3 Malang.", ["MTs Negeri 3 Malang"]),
    ("Ia belajar di Sekolah Menengah Atas Negeri 48 Jakarta.", ["Sekolah Menengah Atas Negeri 48 Jakarta"]),
    ("Anak usia SD di Jakarta meningkat.", []),
    ("Partai Rakyat 5 kursi.", ["Partai Rakyat"]),  # other heads take no number
])
def test_a_schools_number_is_part_of_its_name_in_the_fast_profile(text, organisations):
    assert [m.surface for m in extract_actors(text, use_model=False) if m.type == "ORG"] == organisations


@pytest.mark.parametrize("use_model", [None, False], ids=["full", "fast"])
def test_a_name_after_a_verb_done_to_persons_is_a_person(use_model):
    # The tagger leaves this one; the verb marks it in both profiles.
    text = "Pengadilan Negeri Jakarta Selatan memvonis Mario Dandy 12 tahun penjara atas penganiayaan."
    assert by_surface(text, use_model=use_model)["Mario Dandy"].type == "PER"


@pytest.mark.parametrize("text, surface", [
    ("Kebakaran melanda permukiman padat penduduk di Tambora.", "Tambora"),
    ("Mensos menyerahkan bantuan kepada korban kebakaran di Penjaringan.", "Penjaringan"),
    ("Gedung Sate di Bandung dipadati wisatawan.", "Gedung Sate"),
])
@pytest.mark.parametrize("use_model", [None, False], ids=["full", "fast"])
def test_jakarta_districts_and_landmarks_are_places(text, surface, use_model):
    assert by_surface(text, use_model=use_model)[surface].type == "LOC"


@pytest.mark.parametrize("text, places", [
    # A place noun opens an unknown place's name without the tagger too.
    ("Kereta berangkat dari Stasiun Gambir pukul 08.00.", ["Stasiun Gambir"]),
    ("Laga digelar di Stadion Si Jalak Harupat.", ["Stadion Si Jalak Harupat"]),
    ("Harga cabai di Pasar Induk Kramat Jati melonjak.", ["Pasar Induk Kramat Jati"]),
    # A toll road's "tol" is its head's in any case; a toll gate is a place.
    ("Jalan tol Cipularang ambles di kilometer 118.", ["Jalan tol Cipularang"]),
    ("Kecelakaan terjadi di Gerbang Tol Ciawi.", ["Gerbang Tol Ciawi"]),
    ("Warga Desa Sumber Rejo menikmati listrik.", ["Desa Sumber Rejo"]),  # "Sumber" opens villages' names
    ("Kepala Desa Bapak Kardi hadir.", []),
    ("Kemacetan terjadi di jalan tol.", []),
    # A Title Case headline's link word ends it.
    ("Polisi Jaga Terminal Pulogadung Jelang Lebaran", ["Terminal Pulogadung"]),
    ("Banjir di Kampung Melayu Usai Hujan Deras", ["Kampung Melayu"]),
    ("Ia dirawat di Rumah Sakit Fatmawati.", []),  # "Rumah" opens an organisation, not a place
    # A station, street or village named after a known place is a place of its own.
    ("Kereta tiba di Stasiun Bandung pukul 08.00.", ["Stasiun Bandung"]),
    ("Ia tinggal di Jalan Jakarta Nomor 5.", ["Jalan Jakarta"]),
    ("Banjir melanda Kecamatan Depok di Sleman.", ["Kecamatan Depok", "Sleman"]),  # not the city of Depok
    ("Statusnya berubah menjadi Distrik Totikum pada 2004.", ["Distrik Totikum"]),  # Papua's districts
    ("Demo digelar di Jalan Thamrin Jakarta Pusat sejak pagi.", ["Jalan Thamrin", "Jakarta Pusat"]),  # not after its first word
    ("Banjir di Kota Bandung dan Pulau Lombok.", ["Kota Bandung", "Pulau Lombok"]),  # these are the place
    # Airports and stadiums are named after people, as streets are, with their titles and ranks.
    ("Penumpang tiba di Bandara Soekarno-Hatta pada Senin pagi.", ["Bandara Soekarno-Hatta"]),
    ("Penerbangan dari Bandara Sultan Hasanuddin ditunda.", ["Bandara Sultan Hasanuddin"]),
    ("Pertandingan di Stadion Kapten I Wayan Dipta berakhir imbang.", ["Stadion Kapten I Wayan Dipta"]),
    # "Gelora" opens a stadium's name (not the party Gelora), and a place after it is the name's.
    ("Laga digelar di Stadion Gelora Bung Tomo, Surabaya.", ["Stadion Gelora Bung Tomo", "Surabaya"]),
    ("Persib bermain di Stadion Gelora Bandung Lautan Api.", ["Stadion Gelora Bandung Lautan Api"]),
    ("Kerusuhan terjadi di Stadion Kanjuruhan Malang.", ["Stadion Kanjuruhan", "Malang"]),  # not after its first word
])
def test_a_place_noun_opens_an_unknown_place_in_the_fast_profile(text, places):
    assert [m.surface for m in extract_actors(text, use_model=False) if m.type == "LOC"] == places


@pytest.mark.parametrize("text, places", [
    # Streets keep the titles and offices of the people they are named after.
    ("Kemacetan panjang terjadi di Jalan Jenderal Gatot Subroto sejak pagi tadi.", ["Jalan Jenderal Gatot Subroto"]),
    ("Kawasan elite itu berada di sepanjang Jalan Sultan Agung di pusat kota.", ["Jalan Sultan Agung"]),
    ("Polisi menutup Jln. KH Hasyim Asyari hingga malam nanti.", ["Jln. KH Hasyim Asyari"]),
    # After "jalan" in lower case too, and a known person there is the street.
    ("Pengendara diminta menghindari jalan Ahmad Yani karena ada perbaikan.", ["jalan Ahmad Yani"]),
    ("Kemacetan panjang terjadi di Jalan Soekarno-Hatta sejak pagi tadi.", ["Jalan Soekarno-Hatta"]),
    ("Ia tinggal di jalan Dewi Sartika Nomor 5 bersama keluarganya.", ["jalan Dewi Sartika"]),
    ("Polisi menutup jalan. Budi Hartono kesal karena terlambat.", []),  # a full stop ends it
    # A short sentence of capitalised words that a full stop ends is prose, not a headline.
    ("Demo di Jalan Medan Merdeka Barat.", ["Jalan Medan Merdeka Barat"]),
    # Other place words in lower case open a place too.
    ("Desa itu terletak di kecamatan Sukasada, dekat dusun Beku, sejak lama.", ["kecamatan Sukasada", "dusun Beku"]),
    ("Air di sungai Lakitan yang jernih mengalir ke hilir.", ["sungai Lakitan"]),
])
@pytest.mark.parametrize("use_model", [True, False], ids=["full", "fast"])
def test_streets_and_place_words_in_lower_case_open_places(text, places, use_model):
    assert [m.surface for m in extract_actors(text, use_model=use_model) if m.type == "LOC"] == places
    assert not [m.surface for m in extract_actors(text, use_model=use_model) if m.type == "PER" and m.surface in " ".join(places)]


@pytest.mark.parametrize("text, persons", [
    ("Keputusan Menteri Nomor 0172 tahun 1971 berlaku sejak itu.", []),  # a number's word
    ("Pejabat Eselon II di lingkungan pemkab dilantik kemarin.", []),  # a grade
    ("Ketua II Tri Tjondrokoesoemo membuka rapat itu.", ["Tri Tjondrokoesoemo"]),
    ("Sejak itu Komodor Udara Suryadi Suryadarma memimpin angkatan.", ["Suryadi Suryadarma"]),  # a rank
    ("Dalam perjalanan itu Kyai Ageng Pandanaran singgah di Tembalang.", ["Ageng Pandanaran"]),  # a title
    # Regional honorifics are titles: the name after one is the person, also alone.
    ("Kang Asep Saepudin mengatakan panen gagal.", ["Asep Saepudin"]),
    ("Mbak Rina Wulandari menjual sayur di pasar.", ["Rina Wulandari"]),
    ("Ia belajar dari Pak Daeng Soetigna, pencipta angklung diatonis.", ["Daeng Soetigna"]),  # "Daeng" stays
    ("Cak Nun hadir di acara itu.", ["Nun"]),
])
def test_grades_numbers_ranks_and_titles_are_no_names_in_the_fast_profile(text, persons):
    assert [m.surface for m in extract_actors(text, use_model=False) if m.type == "PER"] == persons


@pytest.mark.parametrize("text, actor_id", [
    ("Pangeran Diponegoro memimpin Perang Jawa.", "per:diponegoro"),
    ("Ratu Elizabeth II wafat pada 2022.", "per:elizabeth-ii"),
    ("Kaisar Naruhito tiba di Jakarta.", "per:naruhito"),
    # A known name after the title is the known actor, whichever pass read the title.
    ("Gubernur mengajak Sultan Hamengku Buwono X bersama pemerintah daerah.", "per:sri-sultan-hamengku-buwono-x"),
])
@pytest.mark.parametrize("use_model", [True, False], ids=["full", "fast"])
def test_a_noble_title_is_no_part_of_a_persons_id(text, actor_id, use_model):
    # Both profiles name the same actor, whether their pass kept the title in the name or not.
    assert [m.actor_id for m in extract_actors(text, use_model=use_model) if m.type == "PER"] == [actor_id]


@pytest.mark.parametrize("text, expected", [
    # Clubs named after their city are the club, not the city.
    ("Persib Bandung mengalahkan PSM Makassar 2-1 di kandang.",
     [("Persib Bandung", "org:persib-bandung"), ("PSM Makassar", "org:psm-makassar")]),
    ("Bali United ditahan imbang Arema FC.", [("Bali United", "org:bali-united"), ("Arema FC", "org:arema-fc")]),
    ("Manchester City menang atas Chelsea tadi malam.",
     [("Manchester City", "org:manchester-city"), ("Chelsea", "org:chelsea")]),
    ("Pelatih Timnas Indonesia Patrick Kluivert memanggil Jay Idzes.",
     [("Timnas Indonesia", "org:timnas-indonesia"), ("Patrick Kluivert", "per:patrick-kluivert"), ("Jay Idzes", "per:jay-idzes")]),
    # A club's city alone stays the city, and a person named like a club is the person.
    ("Banjir melanda Liverpool dan Madrid.", [("Liverpool", "loc:liverpool"), ("Madrid", "loc:madrid")]),
    ("Aktris Chelsea Islan hadir di pemutaran film itu.", [("Chelsea Islan", "per:chelsea-islan")]),
    # A given name opening a sentence before a known surname is someone else's ("Dimana Kirby" is Kirby).
    ("Justin Kluivert mencetak gol untuk timnya.", [("Justin Kluivert", "per:justin-kluivert")]),
    ("Kunjungan Putin ke Pyongyang disorot.", [("Putin", "per:vladimir-putin"), ("Pyongyang", "loc:pyongyang")]),
])
@pytest.mark.parametrize("use_model", [True, False], ids=["full", "fast"])
def test_clubs_and_players_of_the_sports_pages_are_known(text, expected, use_model):
    assert [(m.surface, m.actor_id) for m in extract_actors(text, use_model=use_model)] == expected


@pytest.mark.parametrize("text, persons", [
    ("Pada 2003, astronot Don Pettit menggunakan bor di stasiun itu.", ["Don Pettit"]),
    ("Film itu digarap sutradara Mark Herman pada tahun 2008.", ["Mark Herman"]),
    ("Kostum itu dibuat untuk aktor Kevin Peter Hall dan para pemeran lain.", ["Kevin Peter Hall"]),
    # One word after an occupation is a people or a genre as often; an acronym opens a band's name.
    ("Sekelompok pengusaha Tionghoa berkumpul di kota itu.", []),
    ("Ibunya bekerja sebagai penyanyi Country di kota itu.", []),
])
def test_an_occupation_before_a_name_marks_a_person_in_the_fast_profile(text, persons):
    assert [m.surface for m in extract_actors(text, use_model=False) if m.type == "PER"] == persons


@pytest.mark.parametrize("text, persons", [
    # Two or three capitalised words that are no dictionary word make a name without a cue.
    ("Kasus itu menyeret nama Andhi Nirwanto dan Myuran Sukumaran.", ["Andhi Nirwanto", "Myuran Sukumaran"]),
    ("Film Slumdog Millionaire garapan Danny Boyle diputar lagi.", ["Danny Boyle"]),  # English words: a title
    ("Klub Nottingham Forest menang.", []),
    ("Saham Telecom Tbk naik.", []),  # a firm's suffix
    ("Lagu Mega-Mega dan Ran Uzaki / GekiYellow diputar.", []),  # joined by more than a space
    ("Warga Kampung Melayu Besar hadir.", []),  # a place's head and qualifiers
    # A given name that is also a dictionary word is a name word.
    ("kerja sama dengan pengusaha nasional Rahmat Gobel ditolak.", ["Rahmat Gobel"]),
    ("Salah satunya, Bambang Widjojanto, tidak keberatan.", ["Bambang Widjojanto"]),
    ("Pelaku penipuan investasi Indra Kenz dijatuhi hukuman.", ["Indra Kenz"]),
    ("Kejaksaan menetapkan Tom Lembong sebagai tersangka.", ["Tom Lembong"]),
    ("Laga di Stadion Bintang Timur ditunda.", []),  # not every dictionary word
    # A dictionary word opening the sentence is capitalised as its first word, not as a name's.
    ("Mundurnya Hary Tanoesoedibyo dan sejumlah pengurus.", ["Hary Tanoesoedibyo"]),
    ("Kemarin Myuran Sukumaran pergi.", ["Myuran Sukumaran"]),
    ("Saur Marlina Manurung datang.", []),  # a short root word may be a name of its own
    # A work's title is no name: in double quotes by itself, or after a title cue.
    ('Lagu "Yureru Omoi" laris.', []),
    ("teater berjudul Takizawa Enbujou dipentaskan.", []),
    ('Ia tampil sebagai "Kouji Kabuto" di serial itu.', ["Kouji Kabuto"]),  # the role an actor plays
    ('Kata Myuran Sukumaran: "Saya menyesal".', ["Myuran Sukumaran"]),
])
def test_a_name_shaped_run_is_a_person_in_the_fast_profile(text, persons):
    assert [m.surface for m in extract_actors(text, use_model=False) if m.type == "PER"] == persons


@pytest.mark.parametrize("text, persons", [
    # An office's portfolio or body is no name after it.
    ("kata Direktur Pemasaran dan Niaga Pertamina Hanung Budya.", ["Hanung Budya"]),
    ("kata Menteri Keadilan Sierra Leone hari ini.", []),
    ("Dampak itu merugikan anggota Dewan, kata dia.", []),
    ("Ketua Fraksi PKB Marwan Jafar mengatakan itu.", ["Marwan Jafar"]),
    ("Ketua DPP Partai Golkar Nurul Arifin hadir.", ["Nurul Arifin"]),
    ("Semua menteri melapor kepada Ketua Umumnya.", []),
])
def test_a_portfolio_or_body_alone_is_no_person_in_the_fast_profile(text, persons):
    assert [m.surface for m in extract_actors(text, use_model=False) if m.type == "PER"] == persons


@pytest.mark.parametrize("text, expected", [
    # A dash pairs two people, a known one and a partner: no one's full name.
    ("Pasangan Jokowi-Pemerintah itu.", [("Jokowi", "Joko Widodo")]),  # a dictionary word is no partner
    ("Pemerintahan Jokowi-Sutarman berjalan.", [("Jokowi", "Joko Widodo"), ("Sutarman", "Sutarman")]),
    ("Pemerintahan Jokowi-Kalla berjalan.", [("Jokowi", "Joko Widodo"), ("Kalla", "Jusuf Kalla")]),
    ("Massa Prabowo - Gibran berkumpul.", [("Prabowo", "Prabowo Subianto"), ("Gibran", "Gibran Rakabuming Raka")]),
    ("Kim Jong-un datang.", [("Kim Jong-un", "Kim Jong Un")]),  # a lower-case word after the dash
    # A word that is never a name alone is no given name of the known name after it.
    ("Tim Transisi Jokowi bertemu.", [("Jokowi", "Joko Widodo")]),
])
@pytest.mark.parametrize("use_model", [True, False], ids=["full", "fast"])
def test_a_dash_pairs_two_people(text, expected, use_model):
    assert [(m.surface, m.name) for m in extract_actors(text, use_model=use_model) if m.type == "PER"] == expected


@pytest.mark.parametrize("text, expected", [
    # One word of a full name, alone later, is that person.
    ("Menteri Musliar Kasim hadir. Musliar juga ingin sekolah dibuka.",
     [("Musliar Kasim", "Musliar Kasim"), ("Musliar", "Musliar Kasim")]),
    ("Presiden Joko Widodo datang. Widodo senang.", [("Joko Widodo", "Joko Widodo"), ("Widodo", "Joko Widodo")]),
    # Not a dictionary word ("kasim"), nor a word two names share, nor part of a longer unknown name.
    ("Menteri Musliar Kasim hadir. Kasim tidak hadir.", [("Musliar Kasim", "Musliar Kasim")]),
    ("Andi Mallarangeng dan Andi Widjajanto hadir. Andi senang.",
     [("Andi Mallarangeng", "Andi Mallarangeng"), ("Andi Widjajanto", "Andi Widjajanto")]),
    ("Foto itu bagus, kata Andhi Nirwanto. Nirwanto Bersaudara datang. Ia memuji Nirwanto.",
     [("Andhi Nirwanto", "Andhi Nirwanto"), ("Nirwanto", "Andhi Nirwanto")]),
])
def test_a_word_of_a_full_name_is_that_person_later_in_the_fast_profile(text, expected):
    assert [(m.surface, m.name) for m in extract_actors(text, use_model=False) if m.type == "PER"] == expected


@pytest.mark.parametrize("text, expected", [
    # An Indonesian body's name, then another country: that country's body, not Indonesia's.
    ("Kementerian Luar Negeri Mesir menyerukan gencatan senjata.",
     [("Kementerian Luar Negeri Mesir", "org:kementerian-luar-negeri-mesir")]),
    ("Kementerian pertahanan Finlandia mengatakan itu.",
     [("Kementerian pertahanan Finlandia", "org:kementerian-pertahanan-finlandia")]),
    ("Mahkamah Agung AS memutuskan perkara itu.", [("Mahkamah Agung AS", "org:mahkamah-agung-as")]),
    ("Kementerian Luar Negeri Indonesia menyambut baik.",
     [("Kementerian Luar Negeri Indonesia", "org:kementerian-luar-negeri")]),
    # The body's own name says Indonesia: the place after it is where its office is.
    ("Garuda Indonesia Tiongkok membuka rute baru.", [("Garuda Indonesia", "org:garuda-indonesia"), ("Tiongkok", "loc:china")]),
    # A state-owned firm abroad is the firm's office there, no other country's firm.
    ("Bank Mandiri Singapura membuka cabang.", [("Bank Mandiri", "org:bank-mandiri"), ("Singapura", "loc:singapura")]),
    ("Kementerian Luar Negeri, Mesir dan Yordania hadir.",
     [("Kementerian Luar Negeri", "org:kementerian-luar-negeri"), ("Mesir", "loc:mesir"), ("Yordania", "loc:yordania")]),
])
@pytest.mark.parametrize("use_model", [True, False], ids=["full", "fast"])
def test_an_indonesian_bodys_name_before_another_country_is_that_countrys_body(text, expected, use_model):
    assert [(m.surface, m.actor_id) for m in extract_actors(text, use_model=use_model)] == expected


def test_a_rank_after_a_known_body_starts_its_holder():
    # The tagger reads "Polres Bogor AKP Teguh Kumara" as one organisation.
    found = {m.surface: m.type for m in extract_actors("Polres Bogor AKP Teguh Kumara hadir.")}
    assert found == {"Polres Bogor": "ORG", "Teguh Kumara": "PER"}
    assert {m.surface for m in extract_actors("Dandim 0621 Letkol Inf Adi Sucipto hadir.")} == {"Adi Sucipto"}


@pytest.mark.parametrize("text, surface, name", [
    ("Bupati Bogor Ade Yasin hadir.", "Bogor", "Kabupaten Bogor"),  # a bupati governs a kabupaten
    ("Wakil Bupati Malang hadir.", "Malang", "Kabupaten Malang"),
    ("Wabup Bandung hadir.", "Bandung", "Kabupaten Bandung"),
    ("Warga Bogor mengeluh.", "Bogor", "Kota Bogor"),  # a bare name is the city
    ("Wali Kota Bogor Bima Arya hadir.", "Kota Bogor", "Kota Bogor"),
    ("Bupati Kota Bogor hadir.", "Kota Bogor", "Kota Bogor"),  # written out: as written
    ("Bupati Garut hadir.", "Garut", "Kabupaten Garut"),  # no Kota Garut: the kabupaten already
])
@pytest.mark.parametrize("use_model", [True, False], ids=["full", "fast"])
def test_a_place_after_a_regent_is_the_regency(text, surface, name, use_model):
    assert by_surface(text, use_model=use_model)[surface].name == name


@pytest.mark.parametrize("role", ["Menparekraf", "Wamenkeu", "Kajati", "Kadis", "Kasatreskrim", "Danramil", "Capres",
                                  "Cawapres", "Plt"])
@pytest.mark.parametrize("use_model", [True, False], ids=["full", "fast"])
def test_an_office_written_short_is_a_role_not_a_person(role, use_model):
    found = by_surface(f"Sementara itu, {role} Sutrisno Hadiwijaya mengatakan hal itu benar.", use_model=use_model)
    assert role not in found
    assert (found["Sutrisno Hadiwijaya"].type, found["Sutrisno Hadiwijaya"].role) == ("PER", role)


@pytest.mark.parametrize("text, outlet", [
    ("“Kami prihatin,” kata Stoltenberg dilansir dari Reuters, Rabu.", ""),
    ("Putin tiba, dikutip BBC.", ""),
    ("Kim Jong Un menyambut Putin. (KCNA via Reuters)", ""),
    ("WASHINGTON, KOMPAS.TV - Amerika Serikat prihatin.", ""),
    ("Okezone melaporkan bahwa Putin tiba.", "Okezone"),
])
def test_credited_agencies_and_the_own_outlet_are_not_actors(text, outlet):
    types = {m.subtype for m in extract_actors(text, use_model=False, outlet=outlet)}
    assert "media" not in types


@pytest.mark.parametrize("use_model", [False, True])
def test_known_one_word_alias_inside_a_longer_name_is_someone_else(use_model):
    mentions = by_surface("Pengamat politik dari Universitas Airlangga, Airlangga Pribadi Kusman, menilai itu.",
                          use_model=use_model)
    assert mentions["Airlangga Pribadi Kusman"].actor_id == "per:airlangga-pribadi-kusman"


def test_tagged_person_names_start_after_ranks():
    mentions = by_surface("Kapolda Metro Jaya Irjen Karyoto menegaskan pihaknya akan menindak tegas pelaku.")
    assert "Karyoto" in mentions and mentions["Karyoto"].type == "PER"
    assert not any("Irjen" in surface for surface in mentions)


@pytest.mark.parametrize("text, kept", [
    # An office's country or province is an actor, as the fast profile reads it, even where the
    # tagger (trained on IDNer, which leaves it untagged) says no: who appears with whom.
    ("Budiman bertemu Menteri Israel di Kairo.", {"Budiman", "Kairo", "Israel"}),
    ("Gubernur Jawa Tengah Ahmad Luthfi meninjau banjir di Kabupaten Demak.", {"Jawa Tengah", "Ahmad Luthfi"}),
    # After a verb or a conjunction a place stays an actor even when the tagger says no.
    ("Sutrisno mengunjungi China dan Iran pekan lalu.", {"Sutrisno", "China", "Iran"}),
])
def test_places_the_tagger_left_out_stay_after_offices_verbs_and_conjunctions(text, kept):
    assert kept <= {surface for surface, _ in actors(text)}


@pytest.mark.parametrize("text, qualifies", [
    ("produk China", True),        # a common noun's kind: dropped where the tagger left it out
    ("Menteri Israel", False),     # an office's area
    ("mengunjungi Rusia", False),  # a verb's object
    ("serangan Israel", False),    # the one acting
])
def test_a_place_qualifies_only_a_common_noun_before_it(text, qualifies):
    tokens = tokenize(text)
    assert actors_module._modifies(tokens, [-1] * len(tokens), [], 1) is qualifies


@pytest.mark.parametrize("text, surface", [
    ("Suharsono tiba di Jakarta kemarin.", "Suharsono"),  # an unknown sentence opener is read
    ("Menurut Stephen R. Covey, kebiasaan itu penting.", "Stephen R. Covey"),  # an initial ends no sentence
])
def test_tagger_reads_openers_and_names_with_initials(text, surface):
    mentions = by_surface(text)
    assert surface in mentions and mentions[surface].type == "PER"


def test_title_case_headings_keep_their_known_names_only():
    found = actors("Pada Senin lalu, AS mengawasi.\nAS Soroti Hubungan Rusia-Korut\nPutin tiba di Pyongyang.")
    assert {"Rusia", "Korut", "Putin", "Pyongyang"} <= {surface for surface, _ in found}
    assert not any("Soroti" in surface for surface, _ in found)


def test_agency_as_an_actor_of_the_story_is_kept():
    assert ("Reuters", "org:reuters") in actors("Reuters memecat dua wartawan pada Senin.", use_model=False)


def test_mentions_table_schema_offsets_and_sentence_ids():
    body = "Putin tiba di Pyongyang.\nKim Jong Un menyambutnya di bandara. NATO prihatin."
    table = extract_mentions(articles(body))
    assert list(table.columns) == MENTION_COLUMNS
    spans = sentence_spans(body)
    for row in table.itertuples():
        assert body[row.start:row.end] == row.surface
        start, end = spans[row.sentence_id]
        assert start <= row.start and row.end <= end
    assert dict(zip(table["surface"], table["sentence_id"])) == {"Putin": 0, "Pyongyang": 0, "Kim Jong Un": 1, "NATO": 2}
    assert set(table["method"]) <= {"gazetteer", "model", "rule"}
    assert table["confidence"].between(0, 1).all()


@pytest.mark.parametrize("use_model", [False, True])
def test_batch_sentence_ids_match_each_article_alone(use_model):
    # Sentence ids are found for the whole batch at once: they must equal each article's own.
    bodies = ["  Putin tiba.  Kim Jong Un menyambut.", "", "NATO prihatin.\nBlinken ke Seoul. Xi diam.",
              "Tanpa nama sama sekali.", "Kremlin. Moskow. Pyongyang.\n\nWashington dan Beijing."]
    table = extract_mentions(articles(*bodies), use_model=use_model)
    for index, body in enumerate(bodies):
        rows = table[table["article_id"] == f"a{index}"]
        alone = extract_actors(body, use_model=use_model)
        assert list(rows["surface"]) == [m.surface for m in alone]
        spans = sentence_spans(body)
        for row in rows.itertuples():
            start, end = spans[row.sentence_id]
            assert start <= row.start and row.end <= end
    assert set(table["article_id"]) == {"a0", "a2", "a4"}


def test_bad_rows_are_skipped_not_fatal():
    frame = articles("Putin tiba.", None, "", "Kim Jong Un tiba.", 42, pd.NA, float("nan"))
    frame["outlet"] = pd.Series([pd.NA, None, "x", "y", "z", pd.NA, "w"], dtype=object)
    frame.loc[3, "status"] = "rejected"
    table = extract_mentions(frame)
    assert list(table["article_id"]) == ["a0"]
    assert list(extract_quotes(frame, table).columns) == QUOTE_COLUMNS
    empty = extract_mentions(articles())
    assert list(empty.columns) == MENTION_COLUMNS
    assert empty.dtypes.to_dict() == extract_mentions(articles("Putin tiba.")).dtypes.to_dict()
    quotes_full = extract_quotes(articles("“Siap,” kata Putin."), extract_mentions(articles("“Siap,” kata Putin.")))
    assert extract_quotes(articles(), empty).dtypes.to_dict() == quotes_full.dtypes.to_dict()


def test_quotes_direct_pronoun_and_indirect():
    body = ("“Kami tidak khawatir,” kata juru bicara Dewan Keamanan Nasional John Kirby kepada wartawan.\n"
            "“Yang kami khawatirkan adalah hubungan itu,” lanjutnya.\n"
            "Sekretaris Jenderal NATO Jens Stoltenberg, pada konferensi pers bersama, mengatakan bahwa perang "
            "itu didukung China.\n"
            "Menurutnya, semua negara itu ingin aliansi gagal.\n"
            "Menurut Antony Blinken, Rusia putus asa.")
    frame = articles(body)
    quotes = extract_quotes(frame, extract_mentions(frame))
    got = list(zip(quotes["speaker"], quotes["kind"], quotes["cue"], quotes["text"]))
    assert got == [
        ("John Kirby", "direct", "kata", "Kami tidak khawatir"),
        ("John Kirby", "direct", "lanjutnya", "Yang kami khawatirkan adalah hubungan itu"),
        ("Jens Stoltenberg", "indirect", "mengatakan", "perang itu didukung China"),
        ("Jens Stoltenberg", "indirect", "Menurutnya", "semua negara itu ingin aliansi gagal"),
        ("Antony Blinken", "indirect", "Menurut", "Rusia putus asa"),
    ]
    assert quotes["role"].iloc[0] == "juru bicara Dewan Keamanan Nasional"
    assert quotes["role"].iloc[2] == "Sekretaris Jenderal NATO"
    assert list(quotes["sentence_id"]) == [0, 1, 2, 3, 4]
    assert quotes["speaker_id"].iloc[0] == "per:john-kirby"


def test_uncovering_a_case_or_conceding_a_defeat_is_no_speech():
    frame = articles("Polres Gowa mengungkap kasus pembunuhan berencana. Polres Gowa mengungkap bahwa pelaku kabur. "
                     "Ridwan Kamil mengakui kekalahan.")
    quotes = extract_quotes(frame, extract_mentions(frame))
    assert list(quotes["sentence_id"]) == [1]


@pytest.mark.parametrize("use_model", [None, False], ids=["full", "fast"])
def test_the_country_of_an_attack_stays_an_actor(use_model):
    assert "Israel" in by_surface("Menlu mengecam serangan Israel terhadap kapal bantuan.", use_model=use_model)


def test_a_coach_is_an_office():
    assert by_surface("Persija memecat pelatih Carlos Pena.", use_model=False)["Carlos Pena"].type == "PER"


def test_a_national_park_is_a_place():
    found = by_surface("Gajah Sumatera mati di Taman Nasional Way Kambas.", use_model=False)
    assert found["Taman Nasional Way Kambas"].type == "LOC"


def test_a_reservoir_is_a_place():
    assert by_surface("Ribuan ikan mati mendadak di Waduk Cirata.", use_model=False)["Waduk Cirata"].type == "LOC"


@pytest.mark.parametrize("use_model", [None, False], ids=["full", "fast"])
def test_a_holiday_is_no_person(use_model):
    assert [m for m in extract_actors("Jemaah menggelar salat Idul Fitri di lapangan.", use_model=use_model)
            if m.type == "PER"] == []


def test_a_quote_after_a_speech_verb_is_one_direct_quote():
    frame = articles('Menko Polhukam Budi Gunawan mengatakan, "Kami akan usut tuntas."')
    quotes = extract_quotes(frame, extract_mentions(frame))
    assert list(zip(quotes["speaker"], quotes["kind"], quotes["role"])) == [("Budi Gunawan", "direct", "Menko Polhukam")]


# --- the seeds, through the loader ---------------------------------------------------------------

SEED_PERSONS = ["Vladimir Putin", "Kim Jong Un", "John Kirby", "Kurt Campbell", "Dmitry Peskov", "Matthew Miller",
                "Yuri Ushakov", "Jens Stoltenberg", "Antony Blinken", "Karine Jean-Pierre", "Xi Jinping",
                "Bonnie Jenkins", "John Nilsson-Wright", "Kim Jong Il"]
SEED_ORGS = ["NATO", "PBB", "Gedung Putih", "Kremlin", "Universitas Cambridge", "Dewan Keamanan Nasional AS",
             "Departemen Luar Negeri AS"]
SEED_PLACES = ["Amerika Serikat", "Rusia", "Korea Utara", "Korea Selatan", "Ukraina", "China", "Iran", "Vietnam",
               "Pyongyang", "Moskow", "Washington", "Seoul", "Kharkiv"]


@pytest.fixture(scope="module")
def seeds():
    from warta import config
    from warta.load import load_corpus

    loaded = load_corpus(config.seeds_dir())
    mentions = extract_mentions(loaded)
    return loaded, mentions, extract_quotes(loaded, mentions)


def test_seed_actors(seeds):
    _, mentions, _ = seeds
    names = {(t, n) for t, n in zip(mentions["type"], mentions["name"])}
    assert {("PER", n) for n in SEED_PERSONS} <= names
    assert {("ORG", n) for n in SEED_ORGS} <= names
    assert {("LOC", n) for n in SEED_PLACES} <= names
    # Every spelling of Kim Jong Un is one actor; bylines and photo credits are not actors.
    kims = mentions.loc[mentions["actor_id"] == "per:kim-jong-un", "surface"]
    assert {"Kim Jong Un", "Kim Jong-un"} <= set(kims)
    surfaces = " ".join(mentions["surface"])
    for outsider in ("Haryo Jati", "Desy Afrianti", "Mikhail Metzel"):
        assert outsider not in surfaces
    assert not mentions["name"].str.contains("Kim Hong").any() or "per:kim-hong-jyun" in set(mentions["actor_id"])


def test_seed_strongest_person_pair_is_putin_and_kim(seeds):
    _, mentions, _ = seeds
    persons = mentions[mentions["type"] == "PER"]
    pairs = Counter()
    for _, group in persons.groupby(["article_id", "sentence_id"]):
        for pair in combinations(sorted(set(group["name"])), 2):
            pairs[pair] += 1
    assert pairs.most_common(1)[0][0] == ("Kim Jong Un", "Vladimir Putin")


def test_seed_quotes(seeds):
    _, _, quotes = seeds
    speakers = set(quotes["speaker"])
    assert {"John Kirby", "Dmitry Peskov", "Jens Stoltenberg", "Matthew Miller", "Yuri Ushakov"} <= speakers
    peskov = quotes[quotes["speaker"] == "Dmitry Peskov"]
    # "Peskov pun mengungkapkan ...": an adverb between the subject and the verb.
    assert set(peskov["cue"]) == {"ujar", "ucapnya", "katanya", "mengungkapkan"}
    assert set(peskov["role"]) == {"juru bicara Kremlin"}


class _FakeTagger:
    """Stands in for the CRF tagger: tags the given word sequences, so the policy is tested, not the model."""

    def __init__(self, tagged: dict[str, str]) -> None:
        self.tagged = {tuple(name.split()): type_ for name, type_ in tagged.items()}

    def spans(self, text, tokens, gazetteer_tags):
        found = []
        for words, type_ in self.tagged.items():
            for k in range(len(tokens.words) - len(words) + 1):
                if tuple(tokens.words[k : k + len(words)]) == words:
                    found.append((k, k + len(words), type_, 0.9))
        return found


@pytest.mark.parametrize("text, tagged, expected, absent", [
    # A place noun the tagger puts in a place's name stays in it; another lower-case noun goes.
    ("Warga Sugiharto tinggal di desa Kramas sejak lama.", {"Sugiharto": "PER", "desa Kramas": "LOC"},
     {("desa Kramas", "LOC")}, {"Kramas"}),
    ("Roket Soyuz meluncur dari kosmodrom Vostochny kemarin.", {"kosmodrom Vostochny": "LOC"},
     {("Vostochny", "LOC")}, set()),
    # A known name of another type closing the tagger's span belongs to the name ...
    ("Wartawan Budiarto menunggu di Gedung DPR sejak pagi.", {"Budiarto": "PER", "Gedung DPR": "LOC"},
     {("Gedung DPR", "LOC")}, {"DPR"}),
    ("Kapolri Jenderal Badrodin Haiti hadir.", {"Badrodin Haiti": "PER"}, {("Badrodin Haiti", "PER")}, {"Haiti"}),
    # ... one opening it stays, whatever the tagger's type ("juru bicara Kremlin Demitry Peskov").
    ("ujar juru bicara Kremlin Demitry Peskov.", {"Kremlin Demitry Peskov": "ORG"},
     {("Kremlin", "ORG")}, {"Kremlin Demitry Peskov"}),
    # Titles of nobility stay in a tagged name; offices do not.
    ("Sengketa antara Pangeran Singa Brata dengan penduduk.", {"Pangeran Singa Brata": "PER"},
     {("Pangeran Singa Brata", "PER")}, {"Singa Brata"}),
    ("Hal itu, ujar Wapres Boediono di Jakarta.", {"Wapres Boediono": "PER"}, {("Boediono", "PER")}, {"Wapres Boediono"}),
])
def test_tagger_spans_policy(monkeypatch, text, tagged, expected, absent):
    import warta.tagger

    monkeypatch.setattr(warta.tagger, "load_tagger", lambda path=None: _FakeTagger(tagged))
    found = {(m.surface, m.type) for m in extract_actors(text, use_model=True)}
    assert expected <= found
    assert not absent & {surface for surface, _ in found}


@pytest.mark.parametrize("text, tagged, kept, dropped", [
    # A short acronym the tagger read and left untagged goes ("Ketua DPD …", a party's board) ...
    ("Ketua DPD Sumarno hadir di Bali.", {"Sumarno": "PER", "Bali": "LOC"}, {"Sumarno", "Bali"}, {"DPD"}),
    # ... one it tagged stays, and longer known organisations stay either way.
    ("Ketua DPD Sumarno hadir di Bali.", {"Sumarno": "PER", "DPD": "ORG"}, {"Sumarno", "DPD"}, set()),
    ("Sumarno mendatangi Kremlin kemarin.", {"Sumarno": "PER"}, {"Sumarno", "Kremlin"}, set()),
])
def test_untagged_short_acronyms_go(monkeypatch, text, tagged, kept, dropped):
    import warta.tagger

    monkeypatch.setattr(warta.tagger, "load_tagger", lambda path=None: _FakeTagger(tagged))
    surfaces = {m.surface for m in extract_actors(text, use_model=True)}
    assert kept <= surfaces and not dropped & surfaces


@pytest.mark.parametrize("read_known, kept", [(False, True), (True, False)])
def test_read_known_lets_the_tagger_judge_sentences_of_known_names(monkeypatch, read_known, kept):
    import warta.actors
    import warta.tagger

    monkeypatch.setattr(warta.tagger, "load_tagger", lambda path=None: _FakeTagger({}))
    options = warta.actors.settings() | {"read_known": read_known}
    monkeypatch.setattr(warta.actors, "settings", lambda: options)
    # Every name is known: the tagger reads the sentence only with read_known, and leaves the
    # place that qualifies "warga" untagged.
    surfaces = {m.surface for m in extract_actors("Dua warga Palestina tewas kemarin.", use_model=True)}
    assert ("Palestina" in surfaces) is kept


# --- the model pass, with stand-in taggers


def test_model_pass_reads_bracketed_short_forms_as_part_of_the_name(monkeypatch):
    import warta.tagger

    text = "Dana dari Badan Usaha Milik Negara (BUMN) tiba kemarin."
    # The name and its glued short form as one span, as the packaged model tags them.
    monkeypatch.setattr(warta.tagger, "load_tagger",
                        lambda path=None: _FakeTagger({"Badan Usaha Milik Negara BUMN": "ORG"}))
    plain = {m.surface: m for m in extract_actors(text, use_model=False)}
    found = {m.surface: m for m in extract_actors(text, use_model=True)}
    # One mention, of the known actor.
    assert set(found) == {"Badan Usaha Milik Negara (BUMN)"}
    merged = found.popitem()[1]
    assert merged.actor_id == plain["Badan Usaha Milik Negara (BUMN)"].actor_id and merged.method == "gazetteer"


@pytest.mark.parametrize("text, tagged, expected", [
    # A tagged span is cut at a verb inside it: two names.
    ("Kementerian Sosial mengajak Himpunan Mahasiswa Islam bekerja.",
     {"Kementerian Sosial mengajak Himpunan Mahasiswa Islam": "ORG"},
     {("Kementerian Sosial", "ORG"), ("Himpunan Mahasiswa Islam", "ORG")}),
    # A person's bracketed nickname is a mention of its own.
    ("Pengamat Budiarto Wicaksono (Budi) hadir kemarin.", {"Budiarto Wicaksono Budi": "PER"},
     {("Budiarto Wicaksono", "PER"), ("Budi", "PER")}),
])
def test_model_pass_splits_tagged_spans(monkeypatch, text, tagged, expected):
    import warta.tagger

    monkeypatch.setattr(warta.tagger, "load_tagger", lambda path=None: _FakeTagger(tagged))
    assert {(m.surface, m.type) for m in extract_actors(text, use_model=True)} == expected


def test_quotes_do_not_depend_on_the_mentions_table_order(seeds):
    loaded, mentions, quotes = seeds
    shuffled = mentions.sample(frac=1, random_state=7)  # articles interleaved, rows out of order
    pd.testing.assert_frame_equal(extract_quotes(loaded, shuffled), quotes)


@pytest.mark.parametrize("text", [
    "Ia menilai itu baik. Hal itu disampaikan Bupati Bogor Rudy Susmanto. Demikian dikatakan oleh Rina.",
    "Demikian dikatakan Rina. Hal itu disampaikan Budi.",  # the matches come back in text order
    "Halaman Hal tersebut diungkapkan Budi; Pernyataan ini ditegaskan Rina.",
    "Pernyataan itu\ndisampaikan Budi.",  # any space after the opening word, as in the pattern
    "aHal itu disampaikan Budi. Hal-hal itu disampaikan Rina.",  # a word boundary before the opening word
    "Hal itu penting. Tidak ada yang lain.",
    "",
])
def test_attribution_matches_equal_a_scan_of_the_whole_text(text):
    def spans(matches):
        return [(match.span(), match.group("cue")) for match in matches]
    assert spans(actors_module._attribution_matches(text)) == spans(actors_module._ATTRIBUTED.finditer(text))


# --- mentions and quotes in one pass (the pipeline's actors stage) -------------------------------

TWO_SPEAKERS = ("“Kami siap,” kata juru bicara Kremlin Dmitry Peskov.\n"
                "Menurut Antony Blinken, Rusia putus asa. Ia mengatakan bahwa perang berlanjut.")


@pytest.mark.parametrize("frame", [
    articles(TWO_SPEAKERS, "Tanpa kutipan dari Jakarta.", "“Siap,” ujarnya."),
    # One id for two articles: the quotes of each read the mentions of both, as grouping the table by id does.
    articles(TWO_SPEAKERS, "“Baik,” kata Putin.", TWO_SPEAKERS, article_id=["a0", "a0", "a1"]),
    articles(TWO_SPEAKERS, "Putin tiba.", "", None, status=["ok", "rejected", "ok", "ok"]),
    articles(),
], ids=["three", "repeated-id", "rejected-and-empty", "none"])
@pytest.mark.parametrize("use_model", [False, True])
def test_mentions_and_quotes_in_one_pass_equal_the_two_tables(frame, use_model):
    mentions = extract_mentions(frame, use_model=use_model)
    together = extract_mentions_and_quotes(frame, use_model=use_model)
    pd.testing.assert_frame_equal(together[0], mentions)
    pd.testing.assert_frame_equal(together[1], extract_quotes(frame, mentions))


def test_mentions_and_quotes_in_one_pass_on_the_seeds(seeds):
    loaded, mentions, quotes = seeds
    together = extract_mentions_and_quotes(loaded)
    pd.testing.assert_frame_equal(together[0], mentions)
    pd.testing.assert_frame_equal(together[1], quotes)
    assert len(quotes) > 0


# --- offices by date -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, published, expected", [
    # (surface, name, method) of the persons: an office alone is whoever held it that day.
    ("Kapolri meminta anggota bersikap netral.", "2024-06-18", [("Kapolri", "Listyo Sigit Prabowo", "holders")]),
    ("Kapolri meminta anggota bersikap netral.", "2020-06-18T09:00:00+07:00", [("Kapolri", "Idham Azis", "holders")]),
    ("Kapolri meminta anggota bersikap netral.", "2024-06", [("Kapolri", "Listyo Sigit Prabowo", "holders")]),
    ("Kapolri meminta anggota bersikap netral.", "2021-01-27", []),  # the change-over day: either
    ("Kapolri meminta anggota bersikap netral.", "2021-01", []),  # a month holding a change-over
    ("Kapolri meminta anggota bersikap netral.", "", []),  # no date, no holder
    ("Kapolri meminta anggota bersikap netral.", "2030-01-01", []),  # past the table's "as of"
    ("Menurut Menkeu, defisit terkendali.", "2015-03-02", [("Menkeu", "Bambang Brodjonegoro", "holders")]),
    ("Gubernur DKI meninjau banjir.", "2023-02-21", [("Gubernur", "Heru Budi Hartono", "holders")]),
    # "Presiden" alone is Indonesia's only in a text that names no other country; "Presiden RI" always.
    ("Presiden meresmikan jalan tol.", "2023-07-14", [("Presiden", "Joko Widodo", "holders")]),
    ("Presiden meresmikan jalan tol di dekat perbatasan Malaysia.", "2023-07-14", []),
    ("Presiden RI bertemu delegasi Malaysia.", "2023-07-14", [("Presiden", "Joko Widodo", "holders")]),
    # A holder named before comes first; a word that makes the office someone else's blocks it.
    ("Menteri Keuangan AS Janet Yellen hadir. Menkeu mengatakan ekonomi kuat.", "2023-05-02",
     [("Janet Yellen", "Janet Yellen", "gazetteer"), ("Menkeu", "Janet Yellen", "rule")]),
    ("Mantan Kapolri hadir dalam acara itu.", "2024-06-18", []),
    # "Jaksa Agung" is one post, though "jaksa" alone is any prosecutor; other countries have one.
    ("Jaksa Agung meminta perkara dituntaskan.", "2024-07-15", [("Jaksa Agung", "ST Burhanuddin", "holders")]),
    ("Jaksa menuntut terdakwa 10 tahun penjara.", "2024-07-15", []),
    ("Jaksa Agung Amerika Serikat mengumumkan dakwaan.", "2024-03-12", []),
    ("Menhub meninjau Pelabuhan Merak.", "2024-12-09", [("Menhub", "Dudy Purwagandhi", "holders")]),
])
def test_an_office_alone_is_whoever_held_it_on_the_day(text, published, expected):
    found = [(m.surface, m.name, m.method) for m in extract_actors(text, use_model=False, published=published)
             if m.type == "PER"]
    assert found == expected


def test_a_headline_office_the_body_does_not_name_is_whoever_held_it_on_the_day():
    body = "Seluruh anggota diminta bersikap netral dalam pilkada."
    said = headline_quote("Kapolri: Anggota Harus Netral", extract_actors(body), published="2024-06-18")
    assert (said["speaker"], said["role"], said["text"]) == ("Listyo Sigit Prabowo", "Kapolri", "Anggota Harus Netral")
    assert headline_quote("Kapolri: Anggota Harus Netral", extract_actors(body)) is None  # no date
    frame = articles(body, title=["Kapolri Minta Anggota Netral"], published=["2024-06-18"])
    found = headline_actors(frame, extract_mentions(frame, use_model=False))
    assert list(zip(found["surface"], found["name"])) == [("Kapolri", "Listyo Sigit Prabowo")]


def test_office_holders_are_dated_and_their_tenures_never_overlap():
    gazetteer = load_gazetteer(())
    table = actors_module._office_holders(gazetteer)
    assert table.tenures and all(first < last for tenures in table.tenures.values() for first, last, _, _ in tenures)
    for office, tenures in table.tenures.items():
        spans = sorted((first, last) for first, last, _, _ in tenures)
        assert all(later[0] >= earlier[1] for earlier, later in zip(spans, spans[1:])), office
        assert all(len(day) == 10 and day[4] == day[7] == "-" for span in spans for day in span), office


# --- headline actors ------------------------------------------------------------------------------

@pytest.mark.parametrize("title, body, expected", [
    # (surface in the headline, name) of each actor, in headline order.
    ("Putin Terbang ke Korea Utara, AS Prihatin", "Presiden Rusia Vladimir Putin tiba di Pyongyang.",
     [("Putin", "Vladimir Putin"), ("Korea Utara", "Korea Utara"), ("AS", "Amerika Serikat")]),
    # A part of a name the body gives; a place without its kind; the body's place over the gazetteer's.
    ("Sri Mulyani Sebut Defisit Terkendali", "Menteri Keuangan Sri Mulyani Indrawati hadir.",
     [("Sri Mulyani", "Sri Mulyani Indrawati")]),
    ("Banjir Rendam Rumah di Pasuruan", "Banjir merendam rumah di Kabupaten Pasuruan, Jawa Timur.",
     [("Pasuruan", "Kabupaten Pasuruan")]),
    ("Rudy Tinjau Banjir", "Bupati Bogor Rudy Susmanto meninjau banjir.", [("Rudy", "Rudy Susmanto")]),
    ("Budi Tinjau Banjir", "Budi Santoso dan Budi Hartono meninjau banjir.", []),  # two Budis: no one
    # An office whose one holder the body names, with a known body or place after it.
    ("Kapolri Pecat 20 Anggota", "Kapolri Jenderal Listyo Sigit Prabowo memberhentikan mereka.",
     [("Kapolri", "Listyo Sigit Prabowo")]),
    ("Gubernur Jabar Larang Study Tour", "Gubernur Jawa Barat Dedi Mulyadi melarang karyawisata.",
     [("Gubernur", "Dedi Mulyadi"), ("Jabar", "Jawa Barat")]),
    ("Wali Kota Surabaya Tertibkan Parkir", "Wali Kota Surabaya Eri Cahyadi menertibkan parkir.",
     [("Wali", "Eri Cahyadi"), ("Kota Surabaya", "Kota Surabaya")]),
    ("Menlu Sugiono Bertemu Menlu Jepang", "Menteri Luar Negeri Sugiono bertemu koleganya dari Jepang.",
     [("Menlu", "Sugiono"), ("Jepang", "Jepang")]),  # the second Menlu is Japan's: no one named
    ("Mantan Kapolri Diperiksa", "Kapolri Jenderal Listyo Sigit Prabowo memberi keterangan.", []),
    # A known name the body does not give; a dictionary word in Title Case is none.
    ("Jokowi Resmikan Bendungan", "Bendungan itu diresmikan kemarin.", [("Jokowi", "Joko Widodo")]),
    ("Nasib Malang Pedagang Kaki Lima", "Pedagang kaki lima digusur.", []),
    ("Harga Cabai Melonjak", "Harga cabai rawit naik.", []),
])
def test_a_headline_names_its_actors_as_its_body_does(title, body, expected):
    frame = articles(body, title=[title])
    found = headline_actors(frame, extract_mentions(frame, use_model=False))
    assert list(found.columns) == HEADLINE_COLUMNS
    assert list(zip(found["surface"], found["name"])) == expected
    assert all(title[start:end] == surface for start, end, surface in zip(found["start"], found["end"], found["surface"]))


def test_headline_actors_are_the_same_built_a_batch_of_articles_at_a_time(monkeypatch):
    bodies = ["Presiden Joko Widodo hadir.", "Tanpa nama.", "Kapolri Jenderal Listyo Sigit Prabowo hadir.",
              "Menteri Keuangan Sri Mulyani Indrawati hadir."]
    frame = articles(*bodies, title=["Jokowi Hadir", "Putin Hadir", "Kapolri Hadir", "Sri Mulyani Hadir"])
    mentions = extract_mentions(frame, use_model=False)
    whole = headline_actors(frame, mentions)
    monkeypatch.setattr(actors_module, "_HEADLINE_BATCH", 1)
    pd.testing.assert_frame_equal(headline_actors(frame, mentions), whole)
    assert list(whole["name"]) == ["Joko Widodo", "Vladimir Putin", "Listyo Sigit Prabowo", "Sri Mulyani Indrawati"]


def test_headline_actors_skip_rejected_and_untitled_articles():
    frame = articles("Presiden Joko Widodo hadir.", "Presiden Joko Widodo hadir.", "Presiden Joko Widodo hadir.",
                     title=["Jokowi Hadir", None, "Jokowi Hadir"], status=["ok", "ok", "rejected"])
    found = headline_actors(frame, extract_mentions(frame, use_model=False))
    assert list(found["article_id"]) == ["a0"] and list(found["resolution"]) == [""]
    assert headline_actors(articles(), extract_mentions(articles())).empty


@pytest.mark.parametrize("text, speaker, said", [
    ("Menurut Badan Meteorologi, Klimatologi, dan Geofisika, hujan lebat turun sepekan.",
     "Badan Meteorologi, Klimatologi, dan Geofisika", "hujan lebat turun sepekan"),
    ("Menurut Budi Santoso, harga beras naik.", "Budi Santoso", "harga beras naik"),
])
def test_a_source_after_menurut_may_hold_commas_in_its_name(text, speaker, said):
    found = quotes_in_text(text, extract_actors(text))
    assert [(quote["speaker"], quote["text"]) for quote in found] == [(speaker, said)]


# --- headline quotes -----------------------------------------------------------------------------

@pytest.mark.parametrize("title, body, speaker, said", [
    # A name, a known alias or part of one person's name before the colon.
    ("Sri Mulyani: Defisit APBN Masih Terkendali", "Menteri Keuangan Sri Mulyani Indrawati hadir.",
     "Sri Mulyani Indrawati", "Defisit APBN Masih Terkendali"),
    ("Jokowi: Saya Tidak Akan Ikut Campur", "Presiden Joko Widodo meresmikan bendungan.", "Joko Widodo",
     "Saya Tidak Akan Ikut Campur"),
    ("Jokowi: Saya Tidak Akan Ikut Campur", "Bendungan itu diresmikan kemarin.", "Joko Widodo",
     "Saya Tidak Akan Ikut Campur"),  # known, though the body does not name him
    # An office whose one holder the body names, also short or with a known body's short form.
    ("Kapolri: Anggota Terlibat Judi Akan Dipecat", "Kapolri Jenderal Listyo Sigit Prabowo menegaskan hal itu.",
     "Listyo Sigit Prabowo", "Anggota Terlibat Judi Akan Dipecat"),
    ("Gubernur Jateng: Tidak Ada Pungutan", "Gubernur Jawa Tengah Ahmad Luthfi meminta sekolah patuh.",
     "Ahmad Luthfi", "Tidak Ada Pungutan"),
    ("Kepala BMKG: Puncak Musim Hujan Januari", "Kepala BMKG Dwikorita Karnawati menyampaikan prakiraan.",
     "Dwikorita Karnawati", "Puncak Musim Hujan Januari"),
    ("Menkes Budi Gunadi: Stok Vaksin Cukup", "Menteri Kesehatan Budi Gunadi Sadikin memastikan stok aman.",
     "Budi Gunadi Sadikin", "Stok Vaksin Cukup"),
    # A topic after "soal" is no part of the speaker; a quotation credited after it; a body speaking.
    ("Prabowo soal Makan Bergizi Gratis: Anak Harus Sehat", "Presiden Prabowo Subianto meninjau sekolah.",
     "Prabowo Subianto", "Anak Harus Sehat"),
    ("“Kami Siap Tempur”, Kata Shin Tae-yong Jelang Laga Kontra Jepang", "Pelatih Shin Tae-yong memimpin latihan.",
     "Shin Tae-yong", "Kami Siap Tempur"),
    ("BMKG: Waspada Hujan Lebat", "BMKG memprakirakan hujan lebat.",
     "Badan Meteorologi, Klimatologi, dan Geofisika", "Waspada Hujan Lebat"),
    ("AS: Kunjungan Putin Patut Diwaspadai", "Pemerintah Amerika Serikat menyatakan keprihatinan.",
     "Amerika Serikat", "Kunjungan Putin Patut Diwaspadai"),
    # Rubrics and topics name no one; a town is a topic; two presidents leave "Presiden" unread.
    ("Video: Detik-detik Banjir Bandang di Garut", "Banjir bandang menerjang Garut.", None, None),
    ("Update Gempa Cianjur: Korban Bertambah", "Korban gempa Cianjur bertambah.", None, None),
    ("Hasil Liga 1: Persib Kalahkan Persija", "Persib Bandung menang atas Persija Jakarta.", None, None),
    ("Jakarta: Ganjil Genap Berlaku Lagi", "Aturan ganjil genap di Jakarta berlaku lagi.", None, None),
    ("Kasus Sambo: Jaksa Tuntut Hukuman Mati", "Jaksa menuntut Ferdy Sambo dengan hukuman mati.", None, None),
    ("Presiden: Jangan Ada Korupsi", "Presiden Joko Widodo bertemu Presiden Prabowo Subianto.", None, None),
    ("As: Sebuah Judul", "Tidak ada yang disebut.", None, None),  # "As" is no "AS"
    ("Harga Emas Hari Ini Naik", "Harga emas naik.", None, None),
])
def test_a_headline_quotes_whom_its_body_or_the_gazetteer_names(title, body, speaker, said):
    found = headline_quote(title, extract_actors(body))
    assert (found and (found["speaker"], found["text"])) == ((speaker, said) if speaker else None)


def test_a_headline_quote_opens_its_article_quotes_in_the_title_sentence():
    body = "Kapolri Jenderal Listyo Sigit Prabowo menegaskan hal itu. “Saya pecat,” kata Listyo di Jakarta."
    frame = articles(body, body, title=["Kapolri: Anggota Terlibat Judi Akan Dipecat", None])
    _, quotes = extract_mentions_and_quotes(frame, use_model=False)
    first, second = quotes[quotes["article_id"] == "a0"], quotes[quotes["article_id"] == "a1"]
    assert list(first["sentence_id"]) == [TITLE_SENTENCE_ID] + list(second["sentence_id"])
    assert list(first["kind"])[0] == "headline" and list(first["cue"])[0] == ":"
    assert list(first["speaker_id"])[0] == "per:listyo-sigit-prabowo" and list(first["role"])[0] == "Kapolri"
    pd.testing.assert_frame_equal(first.iloc[1:].drop(columns="article_id").reset_index(drop=True),
                                  second.drop(columns="article_id").reset_index(drop=True))
    assert quotes.equals(extract_quotes(frame, extract_mentions(frame, use_model=False)))


@pytest.mark.parametrize("text, speaker", [
    ("“Harga beras naik,” tutur pedagang di Pasar Minggu.", ""),  # where it was said: no speaker
    ("“Kami siap,” ujar Kirby kepada wartawan di Washington.", "John Kirby"),
    ("“Kami siap,” ujar juru bicara itu kepada Seoul.", ""),
    ("“Tol ini penting,” kata Jokowi di Demak.", "Joko Widodo"),
])
def test_a_name_after_a_place_preposition_is_no_speaker(text, speaker):
    assert [quote["speaker"] for quote in quotes_in_text(text, extract_actors(text))] == [speaker]


@pytest.mark.parametrize("text, expected", [
    # (speaker, cue, quoted text) of each quote
    ("‘Kami siap,’ tutur Ketua KPU Hasyim Asy’ari.", [("Hasyim Asy’ari", "tutur", "Kami siap")]),
    # A pronoun with no speaker before it refers back to the last person named.
    ("Presiden Joko Widodo hadir. “Kami menolak,” tegasnya.", [("Joko Widodo", "tegasnya", "Kami menolak")]),
    ("Presiden Joko Widodo hadir. “Kami menolak,” kata dia.", [("Joko Widodo", "kata", "Kami menolak")]),
    ("Kepala BMKG Dwikorita Karnawati hadir. Menurutnya, cuaca ekstrem berlanjut.",
     [("Dwikorita Karnawati", "Menurutnya", "cuaca ekstrem berlanjut")]),
    ("“Kami menolak,” kata dia.", [("", "kata", "Kami menolak")]),  # nobody named before
    # More cues after the quote.
    ("“Kami sudah siap,” pungkas Budi Hartono.", [("Budi Hartono", "pungkas", "Kami sudah siap")]),
    ("Budi Hartono hadir. “Itu tidak benar,” bantahnya.", [("Budi Hartono", "bantahnya", "Itu tidak benar")]),
    # The last speaker goes before the last person named.
    ("“Kami siap,” ujar Kirby. Ia bertemu Joko Widodo. “Itu penting,” tambahnya.",
     [("John Kirby", "ujar", "Kami siap"), ("John Kirby", "tambahnya", "Itu penting")]),
])
def test_quotes_in_single_marks_and_after_a_pronoun(text, expected):
    found = quotes_in_text(text, extract_actors(text))
    assert [(quote["speaker"], quote["cue"], quote["text"]) for quote in found] == expected


@pytest.mark.parametrize("text, expected", [
    # (speaker, quoted text): the source after "menurut" is named before the first comma ...
    ("Menurut Budi Hartono, harga beras naik.", [("Budi Hartono", "harga beras naik")]),
    ("Menurut data BPS, Presiden Joko Widodo hadir, dan itu penting.",
     [("Badan Pusat Statistik", "Presiden Joko Widodo hadir, dan itu penting")]),
    # ... or in an apposition right after it; a name past the first comma is what is said.
    ("Menurut pengamat politik Universitas Indonesia, Aditya Perdana, koalisi itu rapuh.",
     [("Aditya Perdana", "koalisi itu rapuh")]),
    ("Menurut laporan itu, Presiden Joko Widodo hadir di Istana.", []),
    ("Menurut Budi Hartono harga beras naik.", [("Budi Hartono", "harga beras naik")]),  # no comma
])
@pytest.mark.parametrize("use_model", [True, False], ids=["full", "fast"])
def test_the_source_after_menurut(text, expected, use_model):
    found = quotes_in_text(text, extract_actors(text, use_model=use_model))
    assert [(quote["speaker"], quote["text"]) for quote in found] == expected


@pytest.mark.parametrize("text, speaker", [
    # A clause of where, when or to whom between the subject and the verb.
    ("Ketua Umum PDIP Megawati Soekarnoputri dalam pidatonya menyatakan partai solid.", "Megawati Soekarnoputri"),
    ("Budi Hartono kepada wartawan di Jakarta, Senin (17/6), mengatakan harga naik.", "Budi Hartono"),
    ("Gubernur Ridwan Kamil saat ditemui di Bandung mengatakan bahwa banjir surut.", "Ridwan Kamil"),  # not Bandung
    ("Budi Hartono dari Partai Golkar mengatakan koalisi solid.", "Budi Hartono"),
    # An adverb between the subject and the verb; a pronoun before one is still a pronoun.
    ("Ketua Dewan Pertimbangan Partai Golkar Akbar Tandjung kembali menegaskan tidak ada evaluasi.", "Akbar Tandjung"),
    ("Menteri Keuangan Sri Mulyani juga mengatakan bahwa defisit terjaga.", "Sri Mulyani Indrawati"),
    # A place is never the speaker; a second clause ends the search.
    ("Warga di Bandung mengatakan banjir surut.", None),
    ("Polisi menangkap Budi Hartono di rumahnya dan mengatakan ia terlibat.", None),
])
@pytest.mark.parametrize("use_model", [True, False], ids=["full", "fast"])
def test_the_subject_of_a_speech_verb_across_a_clause(text, speaker, use_model):
    found = quotes_in_text(text, extract_actors(text, use_model=use_model))
    assert [quote["speaker"] for quote in found] == ([speaker] if speaker else [])


@pytest.mark.parametrize("text, speakers", [
    # Subjects joined by "dan" or "serta" say it together, each with their office; commas list before "dan".
    ("Presiden Joko Widodo dan Wakil Presiden Ma'ruf Amin menyatakan, \"Kami siap.\"", ["Joko Widodo", "Ma'ruf Amin"]),
    ("Budi Hartono, Andi Wijaya dan Rina Oktaviani mengatakan harga naik.", ["Budi Hartono", "Andi Wijaya", "Rina Oktaviani"]),
    ("Menteri Keuangan Sri Mulyani serta Gubernur BI Perry Warjiyo menegaskan inflasi terkendali.",
     ["Sri Mulyani Indrawati", "Perry Warjiyo"]),
    # A comma alone ends a clause before the subject; a place is no co-speaker.
    ("Pada pengarahan dengan Andi Wijaya, Budi Hartono menganggap itu keliru.", ["Budi Hartono"]),
    ("Warga Bandung dan Budi Hartono mengatakan banjir surut.", ["Budi Hartono"]),
    # After the cue too: "kata A dan B", each perhaps after their office; not a name in a clause after "dan".
    ("\"Kami siap,\" kata Presiden Joko Widodo dan Wakil Presiden Ma'ruf Amin di Istana.",
     ["Joko Widodo", "Ma'ruf Amin"]),
    ("\"Kami siap,\" ujar Budi Hartono dan Andi Wijaya.", ["Budi Hartono", "Andi Wijaya"]),
    ("\"Kami siap,\" kata Budi Hartono dan menambahkan Andi Wijaya setuju.", ["Budi Hartono"]),
])
def test_joint_subjects_are_each_a_speaker(text, speakers):
    found = quotes_in_text(text, extract_actors(text, use_model=False))
    assert [quote["speaker"] for quote in found] == speakers


@pytest.mark.parametrize("text, expected", [
    # (speaker, cue, quoted text): verbs that report a statement are cues too ...
    ("Wakil Presiden Ma'ruf Amin berharap masyarakat tetap tenang.", [("Ma'ruf Amin", "berharap", "masyarakat tetap tenang")]),
    ("Budi Hartono mengaku belum menerima surat itu.", [("Budi Hartono", "mengaku", "belum menerima surat itu")]),
    ("Ketua DPR Puan Maharani meminta pemerintah memperhatikan harga pangan.",
     [("Puan Maharani", "meminta", "pemerintah memperhatikan harga pangan")]),
    # A request is what was said, a "bahwa" inside it too.
    ("Bupati Bogor Rudy Susmanto meminta agar warga tidak khawatir bahwa stok beras habis.",
     [("Rudy Susmanto", "meminta", "agar warga tidak khawatir bahwa stok beras habis")]),
    ("Rudy Susmanto mengatakan kepada wartawan bahwa stok beras aman.",
     [("Rudy Susmanto", "mengatakan", "stok beras aman")]),
    # Opinions and forecasts are reported views.
    ("Ekonom Universitas Indonesia Fithra Faisal Hastiadi berpendapat suku bunga sebaiknya ditahan.",
     [("Fithra Faisal Hastiadi", "berpendapat", "suku bunga sebaiknya ditahan")]),
    # A person's age in brackets, or a description as one of some people, sits between them and the verb.
    ("Warga setempat, Siti Aminah (45), mengatakan banjir datang tiba-tiba.",
     [("Siti Aminah", "mengatakan", "banjir datang tiba-tiba")]),
    ("Rudi, seorang pedagang di Pasar Kramat Jati, mengaku omzetnya turun separuh.",
     [("Rudi", "mengaku", "omzetnya turun separuh")]),
    ("Menurut Rudi, seorang pedagang, harga beras naik.", [("Rudi", "Menurut", "harga beras naik")]),
    # ... but a request for a thing reports no words ("meminta maaf", "meminta keterangan").
    ("Budi Hartono meminta maaf kepada warga.", []),
    ("Penyidik KPK meminta keterangan Budi Hartono sebagai saksi.", []),
    ("Kapolri Jenderal Listyo Sigit Prabowo meminta bantuan TNI.", []),
])
def test_reporting_verbs_cue_indirect_quotes(text, expected):
    found = quotes_in_text(text, extract_actors(text, use_model=False))
    assert [(quote["speaker"], quote["cue"], quote["text"]) for quote in found] == expected


@pytest.mark.parametrize("text", ["Kepala BPBDX hadir di lokasi.", "Pengamat dari LIPIX mengatakan koalisi rapuh."])
def test_an_unknown_acronym_is_no_person_in_the_fast_profile(text):
    assert [m.surface for m in extract_actors(text, use_model=False) if m.type == "PER"] == []


def test_quotes_in_text_reads_plain_rows_as_mentions():
    mentions = extract_actors(TWO_SPEAKERS)
    expected = quotes_in_text(TWO_SPEAKERS, mentions)
    assert [quote["speaker"] for quote in expected] == ["Dmitry Peskov", "Antony Blinken", "Antony Blinken"]
    assert quotes_in_text(TWO_SPEAKERS, [tuple(m) for m in mentions]) == expected


@pytest.mark.parametrize("body, cue", [
    # Speech verbs that prefix one another: the cue is the whole word, as with a flat alternation.
    ("Menteri Budi Gunawan mengungkapkan bahwa harga naik.", "mengungkapkan"),
    ("Menteri Budi Gunawan mengungkap bahwa harga naik.", "mengungkap"),
    ("Menteri Budi Gunawan menyebutkan harga naik.", "menyebutkan"),
    ("Menteri Budi Gunawan menyebut harga naik.", "menyebut"),
    ("Menteri Budi Gunawan pengungkapan harga naik.", None),  # not a verb of its own
])
def test_indirect_quote_cues_are_whole_words(body, cue):
    frame = articles(body)
    quotes = extract_quotes(frame, extract_mentions(frame))
    assert list(quotes["cue"]) == ([cue] if cue else [])


def _quote_like_texts(n: int, seed: int = 8) -> list[str]:
    """Random texts of speech verbs (whole, inside words, glued), quotation marks and filler."""
    rng = random.Random(seed)
    pieces = ["mengatakan", "menyebutkan", "menyebut", "bilang", "terbilang", "Mengatakan", "_menilai", "menilai2",
              "kata", "menurut", "Menurutnya", "“", "”", '"', "‘", "’", "ab", "Putin", " ", ", ", ". ", "\n", "é",
              "berkata"]
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 20))) for _ in range(n)]


def test_quote_and_verb_scans_find_what_the_patterns_find():
    texts = _quote_like_texts(3000)
    for text in texts:
        assert [m.span() for m in actors_module._quote_matches(text)] == [m.span() for m in actors_module._QUOTE.finditer(text)], text
        assert ([m.span() for m in actors_module._indirect_matches(text)]
                == [m.span() for m in actors_module._INDIRECT.finditer(text)]), text
    assert sum(bool(actors_module._indirect_matches(text)) for text in texts) > 600
    assert sum(bool(actors_module._quote_matches(text)) for text in texts) > 300


@pytest.mark.parametrize("use_model", [False, None])
@pytest.mark.parametrize("text, expected", [
    # A known one-word name that is also a common word is the word before these words.
    ("Lima warga Palestina tewas dalam serangan itu.", [("Palestina", "LOC")]),
    ("Baku tembak terjadi di perbatasan.", []),
    ("Padang rumput itu kering.", []),
    ("Presiden Peru tiba di Lima pada Senin.", [("Peru", "LOC"), ("Lima", "LOC")]),
    ("Sidang di Padang ditunda.", [("Padang", "LOC")]),
    # A place's name that is a given name too opens a person's name before name-shaped words.
    ("Marshall Allman lahir di Texas.", [("Marshall Allman", "PER"), ("Texas", "LOC")]),
    ("Darwin Nunez mencetak gol.", [("Darwin Nunez", "PER")]),
    ("Kuasa hukumnya, Hotman Paris Hutapea, mengajukan banding.", [("Hotman Paris Hutapea", "PER")]),  # inside a name
    ("Pesawat dari Jakarta Paris tertunda.", [("Jakarta", "LOC"), ("Paris", "LOC")]),
    ("Konflik Israel Palestina memanas.", [("Israel", "LOC"), ("Palestina", "LOC")]),
    ("Warga Paris Selatan berdemo.", [("Paris", "LOC")]),
    # A Title Case headline's words are no name after an office or a known name.
    ("Gubernur Terima Audiensi Pengusaha Hotel", []),
    ("Guru Honorer Belum Terima Gaji", []),
    ("Presiden Jokowi Terima Kunjungan di Istana", [("Jokowi", "PER"), ("Istana", "ORG")]),
    ("Menteri Budi Karya Sumadi hadir.", [("Budi Karya Sumadi", "PER")]),
])
def test_common_words_and_headline_words_are_no_names(text, expected, use_model):
    assert [(m.surface, m.type) for m in extract_actors(text, use_model=use_model)] == expected


@pytest.mark.parametrize("text, expected", [
    # An age in brackets marks a person, one word too.
    ("Korban, Siti (35), warga Desa Sukamaju, tewas di lokasi.", [("Siti", "PER"), ("Desa Sukamaju", "LOC")]),
    ("Rumah milik Sutrisno (60 tahun) terbakar.", [("Sutrisno", "PER")]),
    ("Ayat (2) undang-undang itu berbunyi demikian.", []),
    # Initials the news gives instead of a name are a person's, even where they spell a known name.
    ("Pelaku berinisial AS (27) ditangkap polisi.", [("AS", "PER")]),
    ("Polisi menangkap tersangka berinisial RK di Bekasi.", [("RK", "PER"), ("Bekasi", "LOC")]),
    # ... and so are the same letters later on: no country.
    ("Pelaku berinisial AS ditangkap di Bekasi. Polisi mengatakan AS mencuri motor.", [("AS", "PER"), ("Bekasi", "LOC")]),
    # After a rank with no name after them, a country's two capitals are initials too.
    ("Pelaku Bripda AS ditahan di Polres.", [("AS", "PER")]),
])
@pytest.mark.parametrize("use_model", [False, None])
def test_ages_and_initials_mark_persons(text, expected, use_model):
    assert [(m.surface, m.type) for m in extract_actors(text, use_model=use_model)] == expected


@pytest.mark.parametrize("text, expected", [
    # A one-word name introduced with an age is someone else than the longer name holding it.
    ("Grant (46) berkencan dengan Khan (33), mantan istri Imran Khan.", "per:khan"),
    ("Imran Khan tiba di Jakarta. Khan mengatakan hal itu.", "per:imran-khan"),
])
@pytest.mark.parametrize("use_model", [False, None])
def test_an_aged_short_name_is_its_own_person(text, expected, use_model):
    found = [m.actor_id for m in extract_actors(text, use_model=use_model) if m.surface == "Khan"]
    assert found == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Kolonel AS Mark Smith tewas.", [("AS", "LOC"), ("Mark Smith", "PER")]),  # a name after: the country
    # After an office an acronym is the office's body, not a person's initials.
    ("Dia mantan Ketua BPD selama dua periode.", []),
    ("Ia menjadi Gubernur DKI selama dua periode.", [("DKI", "LOC")]),
])
def test_acronyms_after_ranks_and_offices_in_the_fast_profile(text, expected):
    assert [(m.surface, m.type) for m in extract_actors(text, use_model=False)] == expected


@pytest.mark.parametrize("text, expected", [
    # "RT" counted, numbered, headed or local is a neighbourhood, not Russia Today.
    ("Desa ini terbagi dalam 14 RT atau 7 RW.", []),
    ("Warga RT 05/RW 02 resah.", []),
    ("Warga melapor ke RT setempat.", []),
    ("Ketua RT mengatakan warga resah.", []),
    ("Stasiun televisi RT melaporkan serangan itu.", [("RT", "ORG")]),
])
@pytest.mark.parametrize("use_model", [False, None])
def test_a_neighbourhood_unit_is_no_broadcaster(text, expected, use_model):
    assert [(m.surface, m.type) for m in extract_actors(text, use_model=use_model)] == expected


@pytest.mark.parametrize("text, expected", [
    # The capitalised words after a district, ward or village head name the area, then the head.
    ("Camat Cilandak Mundir mengatakan pihaknya menyiagakan pompa air.",
     [("Cilandak", "LOC", ""), ("Mundir", "PER", "Camat Cilandak")]),
    ("Kades Sukamaju Ujang Saepudin mengatakan 30 rumah rusak.",
     [("Sukamaju", "LOC", ""), ("Ujang Saepudin", "PER", "Kades Sukamaju")]),
    ("Lurah Cipete Selatan juga memantau genangan.", [("Cipete Selatan", "LOC", "")]),  # the area alone
    ("Camat Budi Santoso hadir.", [("Budi Santoso", "PER", "Camat")]),  # a given name first: no area
    # One word and a comma: the area, and its head in the apposition.
    ("Camat Ciawi, Budi Santoso, mengatakan jalan rusak.", [("Ciawi", "LOC", ""), ("Budi Santoso", "PER", "Camat Ciawi")]),
])
@pytest.mark.parametrize("use_model", [False, None])
def test_an_area_heads_area_comes_before_the_head(text, expected, use_model):
    assert [(m.surface, m.type, m.role) for m in extract_actors(text, use_model=use_model)] == expected


@pytest.mark.parametrize("text, persons", [
    # A Roman numeral in capitals counts ("Komisi XI"); Xi Jinping's name is matched whole or in title case.
    ("Ketua Komisi XI DPR Misbakhun mengatakan hal itu.", ["Misbakhun"]),
    ("XI JINPING TIBA DI MOSKOW", ["XI JINPING"]),
    ("Presiden Xi tiba di Moskow.", ["Xi"]),
])
@pytest.mark.parametrize("use_model", [False, None])
def test_a_roman_numeral_is_not_xi_jinping(text, persons, use_model):
    assert [m.surface for m in extract_actors(text, use_model=use_model) if m.type == "PER"] == persons


@pytest.mark.parametrize("use_model", [False, None])
def test_a_given_name_place_after_an_office_is_the_office_s_country(use_model):
    persons = [m.surface for m in extract_actors("Perdana Menteri Israel Ehud Olmert tiba.", use_model=use_model)
               if m.type == "PER"]
    assert persons == ["Ehud Olmert"]


@pytest.mark.parametrize("text, expected", [
    # In a Title Case headline a dictionary root or an affixed verb ends a body's or a place's name.
    ("Sekolah Rakyat Dibuka, Ribuan Anak Putus Sekolah Kembali Belajar", [("Sekolah Rakyat", "ORG")]),
    ("Warga Desa Sukamaju Panen Raya Berkat Irigasi Baru", [("Desa Sukamaju", "LOC")]),
    ("BI Umumkan Hasil Rapat Dewan Gubernur Hari Ini", [("BI", "ORG"), ("Dewan Gubernur", "ORG")]),
    ("Gempa Guncang Garut, Puluhan Rumah Rusak", [("Garut", "LOC")]),
    # Words that build names stay, and so do names that only look affixed.
    ("Gubernur Terima Audiensi Asosiasi Pengusaha Hotel", [("Asosiasi Pengusaha Hotel", "ORG")]),
    ("Erupsi Gunung Semeru, Warga Diminta Waspada", [("Gunung Semeru", "LOC")]),  # se- + meru
    ("Banjir di Kampung Melayu Usai Hujan", [("Kampung Melayu", "LOC")]),  # a place's first word is its name
    # In prose the capitals say a name: the same words stay.
    ("Kegiatan di Sekolah Rakyat Menengah Atas berjalan baik.", [("Sekolah Rakyat Menengah Atas", "ORG")]),
    ("Dia mengetahui permainan Partai Beringin itu.", [("Partai Beringin", "ORG")]),
    ("Hal itu dikatakan Kantor Meteorologi Islandia, Minggu.", [("Kantor Meteorologi Islandia", "ORG")]),
])
def test_a_headlines_capitals_do_not_extend_a_name_in_the_fast_profile(text, expected):
    assert [(m.surface, m.type) for m in extract_actors(text, use_model=False)] == expected


@pytest.mark.parametrize("text, expected", [
    # The tagger's spans in a Title Case headline lose the headline words at their ends.
    ("Marc Marquez Terjatuh dan Gagal Finis di Mandalika", [("Marc Marquez", "PER"), ("Mandalika", "LOC")]),
    ("Demo Mahasiswa di Depan Gedung DPR Berujung Bentrok dengan Aparat", [("Gedung DPR", "LOC")]),
])
def test_a_headlines_words_are_trimmed_off_the_taggers_names(text, expected):
    assert [(m.surface, m.type) for m in extract_actors(text, use_model=True)] == expected


@pytest.mark.parametrize("text, span, expected", [
    ("Marc Marquez Terjatuh di Sirkuit", (0, 3), "Marc Marquez"),
    ("Gagal Finis di Sirkuit Mandalika", (0, 2), None),
    ("Banjir Rendam Kampung Melayu Usai Hujan", (2, 4), "Kampung Melayu"),  # only name-building words left
    ("Depan Gedung DPR Berujung Bentrok", (0, 5), "Gedung DPR"),
])
def test_without_headline_words(text, span, expected):
    tokens = tokenize(text)
    parts = actors_module._without_headline_words(tokens, 0, (*span, "LOC", 0.9))
    surfaces = [" ".join(tokens.words[first:last]) for first, last, _, _ in parts]
    assert surfaces == ([expected] if expected else [])


@pytest.mark.parametrize("use_model", [False, None])
@pytest.mark.parametrize("text, place", [
    # Islands, tourist areas, volcanoes, Jakarta districts and regions abroad are known places.
    ("Petani garam di Madura menikmati harga yang baik.", "Madura"),
    ("Jumlah wisatawan ke Labuan Bajo naik.", "Labuan Bajo"),
    ("Erupsi Semeru memaksa warga mengungsi.", "Gunung Semeru"),
    ("Rapat digelar di kompleks parlemen, Senayan, Senin.", "Senayan"),
    ("Gencatan senjata berlaku di Darfur.", "Darfur"),
    ("Serangan udara menghantam Aleppo dan Idlib.", "Aleppo"),
    ("Tim SAR tiba di Fukuoka pada Senin.", "Fukuoka"),
])
def test_places_of_the_news_are_known(text, place, use_model):
    assert place in [m.name for m in extract_actors(text, use_model=use_model) if m.type == "LOC"]


@pytest.mark.parametrize("text, expected", [
    # A body's building is a place, one however the body is written; the body does not act there.
    ("Rapat digelar di Gedung DPR, Senayan.",
     [("Gedung DPR", "loc:gedung-dewan-perwakilan-rakyat"), ("Senayan", "loc:senayan")]),
    ("Raker di Gedung DPR-RI, Senin.", [("Gedung DPR-RI", "loc:gedung-dewan-perwakilan-rakyat")]),
    # Named before the body too: the KPK does not act "di Gedung Merah Putih KPK" (the NER sets tag
    # such a building one place: fast F1 on their train splits rose with it).
    ("Ia diperiksa di Gedung Merah Putih KPK.", [("Gedung Merah Putih KPK", "loc:gedung-merah-putih-kpk")]),
])
def test_a_bodys_building_is_a_place_in_the_fast_profile(text, expected):
    assert [(m.surface, m.actor_id) for m in extract_actors(text, use_model=False)] == expected


@pytest.mark.parametrize("use_model", [False, None])
def test_a_regencys_former_name_is_that_regency(use_model):
    # Toba Samosir became Toba in 2020; read as two words it named Toba and the regency of Samosir.
    found = extract_actors("Ia lahir di Kabupaten Toba Samosir.", use_model=use_model)
    assert [(m.surface, m.name) for m in found] == [("Kabupaten Toba Samosir", "Kabupaten Toba")]


@pytest.mark.parametrize("text, title_case", [
    ("Banjir Rendam Ribuan Rumah di Kabupaten Bandung", True),  # links stay in lower case
    ("Sekolah Rakyat Dibuka untuk Anak Putus Sekolah", True),
    ("Banjir merendam ribuan rumah di Kabupaten Bandung", False),
    ("Banjir di Bandung", False),  # too few words to tell
])
def test_title_case(text, title_case):
    tokens = tokenize(text)
    assert actors_module._title_case_span(tokens, 0, len(tokens.words)) is title_case
    assert all(actors_module._title_case_sentence(tokens, k) is title_case for k in range(len(tokens.words)))


def office_references(text, **kwargs):
    return [(m.surface, m.name) for m in extract_actors(text, **kwargs) if m.resolution.startswith("office:")]


@pytest.mark.parametrize("text, expected", [
    # The office alone, once its holder is named, is that person.
    ("Kapolri Jenderal Listyo Sigit Prabowo tiba. “Kami siap,” kata Kapolri.",
     [("Kapolri", "Listyo Sigit Prabowo")]),
    # With less of its name, and after a sentence's first word.
    ("Gubernur Jawa Tengah Ahmad Luthfi hadir. Menurut Gubernur, pasar itu ramai.", [("Gubernur", "Ahmad Luthfi")]),
    ("Wali Kota Surabaya Eri Cahyadi hadir. Wali Kota menuturkan petugas ditambah.", [("Wali Kota", "Eri Cahyadi")]),
    # Written short.
    ("Menteri Keuangan Sri Mulyani Indrawati hadir. Menkeu mengatakan defisit terkendali.",
     [("Menkeu", "Sri Mulyani Indrawati")]),
    # With the body it heads, under another of its names: the mention is the office's own words.
    ("Gubernur Bank Indonesia Perry Warjiyo hadir. Menurut Gubernur BI, inflasi terkendali.",
     [("Gubernur", "Perry Warjiyo")]),
    ("Direktur Utama PT Pertamina Nicke Widyawati hadir. Dirut Pertamina menambahkan stok aman.",
     [("Dirut", "Nicke Widyawati")]),
    # Only where one person named before holds it.
    ("Presiden Joko Widodo dan Presiden Amerika Serikat Joe Biden bertemu. Presiden mengatakan hal itu.", []),
    ("Presiden mengatakan hal itu. Presiden Joko Widodo hadir.", []),
    # Someone else's: an aide, a deputy, a past holder; a name goes on.
    ("Bupati Sleman Kustini Sri Purnomo hadir. Ajudan Bupati mengatakan kunjungan itu mendadak.", []),
    ("Presiden Joko Widodo hadir. Wakil Presiden mengatakan hal itu.", []),
    ("Presiden Joko Widodo hadir. Ia bertemu mantan Presiden di sana.", []),
    ("Gubernur BI Perry Warjiyo hadir dalam Rapat Dewan Gubernur kemarin.", []),
    # An office of another place, and an office before its own holder, are no reference.
    ("Bupati Banyuwangi Ipuk Fiestiandani hadir. Bupati Lumajang mengatakan festival itu bagus.", []),
    ("Presiden Joko Widodo hadir. Presiden Prabowo Subianto juga hadir.", []),
    ("Presiden Joko Widodo hadir. Pemimpin Korea Utara, Kim Jong-un, bertemu Presiden Rusia, Vladimir Putin.", []),
    # Someone it names again, after the first naming, is its holder.
    ("Presiden Rusia Vladimir Putin tiba. Kunjungan Presiden Rusia ke Korea Utara yang pertama.",
     [("Presiden", "Vladimir Putin")]),
    # Roles many share name no one in particular.
    ("Anggota DPR Budi Santoso hadir. Anggota DPR mengatakan hal itu.", []),
])
@pytest.mark.parametrize("use_model", [False, True])
def test_an_office_alone_refers_to_its_one_named_holder(text, expected, use_model):
    assert office_references(text, use_model=use_model) == expected


def test_an_office_reference_speaks_for_its_holder():
    body = ("Kepala BMKG Dwikorita Karnawati meninjau pos pengamatan. “Warga pesisir agar waspada,” kata Kepala BMKG. "
            "Kepala BMKG mengatakan gelombang tinggi terjadi sepekan.")
    frame = articles(body)
    mentions = extract_mentions(frame, use_model=False)
    quotes = extract_quotes(frame, mentions)
    assert list(zip(quotes["speaker"], quotes["role"], quotes["kind"])) == [
        ("Dwikorita Karnawati", "Kepala BMKG", "direct"), ("Dwikorita Karnawati", "Kepala BMKG", "indirect")]
    # The body the office heads stays a mention of its own.
    assert (mentions["name"] == "Badan Meteorologi, Klimatologi, dan Geofisika").sum() == 3


@pytest.mark.parametrize("body, expected", [
    # "Menurut dia" refers back as "Menurutnya" does.
    ("Juru bicara Kementerian Kesehatan Widyawati hadir. Menurut dia, warga perlu menguras bak mandi.",
     [("Widyawati", "Menurut dia", "warga perlu menguras bak mandi")]),
    # A short relative clause between a person and the verb.
    ("Wakil Gubernur Rano Karno yang turut hadir mengatakan taman itu gratis.",
     [("Rano Karno", "mengatakan", "taman itu gratis")]),
    # An office written short, with a filler word its full name has ("Bidang").
    ("Menteri Koordinator Bidang Perekonomian Airlangga Hartarto hadir. “Stimulus disiapkan,” ujar Menko Perekonomian.",
     [("Airlangga Hartarto", "ujar", "Stimulus disiapkan")]),
    # A speaker described after the cue, with a demonstrative, was named before.
    ("Pelatih Persib Bojan Hodak puas. “Anak-anak bermain disiplin,” ujar pelatih asal Kroasia itu.",
     [("Bojan Hodak", "ujar", "Anak-anak bermain disiplin")]),
    # A statement credited by the next sentence.
    ("Pemkab Bogor menyiapkan 50 hektare lahan untuk relokasi. Hal itu disampaikan Bupati Bogor Rudy Susmanto "
     "saat meninjau lokasi.", [("Rudy Susmanto", "disampaikan", "Pemkab Bogor menyiapkan 50 hektare lahan untuk relokasi")]),
    # The president's epithet stands for the president named before.
    ("Presiden Prabowo Subianto meresmikan proyek itu. “Kita harus swasembada,” kata Kepala Negara.",
     [("Prabowo Subianto", "kata", "Kita harus swasembada")]),
    # Advice is reported speech.
    ("Panglima TNI Jenderal Agus Subiyanto melepas prajurit. Panglima berpesan agar prajurit menjaga nama baik bangsa.",
     [("Agus Subiyanto", "berpesan", "agar prajurit menjaga nama baik bangsa")]),
    # A region right after an office: its unnamed holder speaks, not the place (a country may).
    ("Warga mengungsi. “Air mulai surut,” kata Camat Cibinong.", [("", "kata", "Air mulai surut")]),
    ("Bupati Garut mengatakan jalan itu rusak.", []),
    ("“Kami menolak,” kata Presiden Rusia.", [("Rusia", "kata", "Kami menolak")]),
    # A complaint after the quote; a statement's issuer; what someone wrote.
    ("“Sekali parkir bisa Rp 5.000,” keluh Andi Wijaya, pengemudi ojek daring.",
     [("Andi Wijaya", "keluh", "Sekali parkir bisa Rp 5.000")]),
    ("“Kami mohon maaf,” demikian pernyataan manajemen Garuda Indonesia.",
     [("Garuda Indonesia", "demikian pernyataan manajemen", "Kami mohon maaf")]),
    ("Jusuf Kalla menulis bahwa perdamaian Aceh harus dijaga.",
     [("Jusuf Kalla", "menulis", "perdamaian Aceh harus dijaga")]),
    ("Jusuf Kalla menulis buku tentang perdamaian Aceh.", []),
    ("“Harus tepat sasaran,” pesan Wakil Presiden Gibran Rakabuming Raka.",
     [("Gibran Rakabuming Raka", "pesan", "Harus tepat sasaran")]),
    # A body's name that ends in its bracketed short form, right before the verb.
    ("Komisi Pemberantasan Korupsi (KPK) menyatakan akan memanggil saksi.",
     [("Komisi Pemberantasan Korupsi", "menyatakan", "akan memanggil saksi")]),
    # A holder's standing between the office and its area.
    ("“Saya siap diperiksa,” kata Bupati nonaktif Labuhanbatu Erik Adtrada Ritonga.",
     [("Erik Adtrada Ritonga", "kata", "Saya siap diperiksa")]),
    # The full stop of a title is no end of the clause that names the speaker.
    ("“Kondisi korban stabil,” terang Direktur RSUD Cibinong dr. Vitrie Winastri.",
     [("Vitrie Winastri", "terang", "Kondisi korban stabil")]),
    # A day between the subject and the verb, set off by commas.
    ("Wakil Ketua KPK Johanis Tanak, Selasa (10/6/2025), menyebutkan bahwa penyidik memeriksa 20 saksi.",
     [("Johanis Tanak", "menyebutkan", "penyidik memeriksa 20 saksi")]),
    ("Kasi Humas Polres Bogor AKP Teguh Kumara membenarkan adanya penangkapan itu.",
     [("Teguh Kumara", "membenarkan", "adanya penangkapan itu")]),
    # A predicate after a comma shares the subject of the clause before it.
    ("Pemimpin Korea Utara, Kim Jong-un bertemu presiden Vladimir Putin di Rusia, berjanji memberi dukungan penuh.",
     [("Kim Jong Un", "berjanji", "memberi dukungan penuh")]),
    ("Gubernur Jawa Tengah Ahmad Luthfi bertemu Kapolda Jateng Irjen Ribut Hari Wibowo, menegaskan keamanan terjamin.",
     [("Ahmad Luthfi", "menegaskan", "keamanan terjamin")]),
    # Announcements, orders and complaints report what someone said.
    ("Wali Kota Surabaya Eri Cahyadi mengumumkan sekolah diliburkan.",
     [("Eri Cahyadi", "mengumumkan", "sekolah diliburkan")]),
    # An announcement of a thing reports no words, nor does a verb that describes the thing.
    ("Microsoft mengumumkan investasi Rp 27 triliun di Indonesia.", []),
    ("Panitia Pusat mengumumkan pemenang lomba yang digelar pekan lalu.", []),
    ("Roger Waters menulis dan menyanyikan sendiri lagu itu.", []),
    # The clause's verb may come after a subject of several words.
    ("Menteri Pertanian Andi Amran Sulaiman mengumumkan jadwal panen raya akan dimulai pekan depan.",
     [("Andi Amran Sulaiman", "mengumumkan", "jadwal panen raya akan dimulai pekan depan")]),
    ("Kapolri Jenderal Listyo Sigit Prabowo memerintahkan jajarannya menindak pelaku judi.",
     [("Listyo Sigit Prabowo", "memerintahkan", "jajarannya menindak pelaku judi")]),
    # A pronoun's sentence credited by the next one names whom the pronoun stands for.
    ("Ia menilai kebijakan itu terburu-buru. Demikian disampaikan anggota Komisi XI DPR Misbakhun di Jakarta.",
     [("Misbakhun", "disampaikan", "Ia menilai kebijakan itu terburu-buru")]),
    ("Komnas HAM menyimpulkan terjadi pelanggaran.", [("Komisi Nasional Hak Asasi Manusia", "menyimpulkan",
                                                       "terjadi pelanggaran")]),
    ("Kepala Staf Kepresidenan AM Putranto mengatakan program itu diperluas.",
     [("AM Putranto", "mengatakan", "program itu diperluas")]),
    # A quote split by its attribution: both halves are the speaker's.
    ("“Kami sudah siap,” kata Kepala Basarnas Mohammad Syafii, “tinggal menunggu cuaca membaik.”",
     [("Mohammad Syafii", "kata", "Kami sudah siap"), ("Mohammad Syafii", "kata", "tinggal menunggu cuaca membaik.")]),
    ("“Kami siap,” kata Budi Santoso. “Besok kami berangkat,” kata Rina Wati.",
     [("Budi Santoso", "kata", "Kami siap"), ("Rina Wati", "kata", "Besok kami berangkat")]),
    ("Usman Hamid mendesak polisi membebaskan para demonstran.",
     [("Usman Hamid", "mendesak", "polisi membebaskan para demonstran")]),
    # Calls, forecasts and accusations report words; an adverb between subject and verb.
    ("Sekretaris Jenderal PBB Antonio Guterres menyerukan gencatan senjata di Gaza.",
     [("António Guterres", "menyerukan", "gencatan senjata di Gaza")]),
    ("Bank Indonesia memproyeksikan inflasi tetap terkendali.",
     [("Bank Indonesia", "memproyeksikan", "inflasi tetap terkendali")]),
    ("Bupati Bandung Dadang Supriatna kompak mengatakan jalan menjadi prioritas.",
     [("Dadang Supriatna", "mengatakan", "jalan menjadi prioritas")]),
    # Where a statement was made is no one who made it.
    ("Jaksa Agung meminta perkara dituntaskan. Hal itu disampaikan di Gedung Bundar, Jakarta.", []),
    # A person, then their office in apposition.
    ("Budi Santoso, Kepala Desa Sukamaju, mengatakan air bersih belum mengalir.",
     [("Budi Santoso", "mengatakan", "air bersih belum mengalir")]),
    # A quote with no cue of its own, right after the sentence crediting the one before it.
    ("“Ini bukan soal politik,” ujar Anies Baswedan. “Ini soal keadilan bagi warga.”",
     [("Anies Baswedan", "ujar", "Ini bukan soal politik"), ("Anies Baswedan", "ujar", "Ini soal keadilan bagi warga.")]),
    ("“Kami siap,” kata Budi Santoso. Rina Wati tiba kemudian. “Besok kami berangkat.”",
     [("Budi Santoso", "kata", "Kami siap")]),
    # A source before what it said, as after "menurut".
    ("Sebagaimana dikatakan Wakil Ketua DPR Sufmi Dasco Ahmad, revisi undang-undang itu belum dibahas.",
     [("Sufmi Dasco Ahmad", "Sebagaimana dikatakan", "revisi undang-undang itu belum dibahas")]),
    ("Seperti disampaikan oleh Kapolri Listyo Sigit Prabowo, pengamanan diperketat.",
     [("Listyo Sigit Prabowo", "Seperti disampaikan oleh", "pengamanan diperketat")]),
    ("Seperti di Jakarta, harga cabai naik.", []),
    # A stance and a story report words before a clause, not before a preposition's object.
    ("Gubernur Bank Indonesia Perry Warjiyo optimistis pertumbuhan ekonomi mencapai 5,2 persen.",
     [("Perry Warjiyo", "optimistis", "pertumbuhan ekonomi mencapai 5,2 persen")]),
    ("Pelatih Shin Tae-yong yakin timnya lolos.", [("Shin Tae-yong", "yakin", "timnya lolos")]),
    ("Warga Desa Sukamaju, Ujang Rohman (52), bercerita air mulai naik sejak subuh.",
     [("Ujang Rohman", "bercerita", "air mulai naik sejak subuh")]),
    ("Ujang Rohman bercerita tentang masa kecilnya.", []),
    # A person, then their office and body in apposition; the one who came along is not who spoke.
    ("Hasto Kristiyanto, Sekjen PDI-P, menegaskan partainya tetap solid.",
     [("Hasto Kristiyanto", "menegaskan", "partainya tetap solid")]),
    ("Wakil Presiden Gibran Rakabuming Raka didampingi Gubernur Jawa Tengah Ahmad Luthfi mengatakan bantuan disalurkan.",
     [("Gibran Rakabuming Raka", "mengatakan", "bantuan disalurkan")]),
    # An attribution set off by a comma without quotation marks, as wire copy writes it.
    ("Kedua pihak sepakat menahan diri, kata juru bicara Kementerian Luar Negeri Thailand Nikorndej Balankura.",
     [("Nikorndej Balankura", "kata", "Kedua pihak sepakat menahan diri")]),
    ("Kapolres Metro Jakarta Barat Kombes M Syahduddi memimpin olah TKP. Kasus ini, kata Kapolres, masih didalami.",
     [("M Syahduddi", "kata", "Kasus ini masih didalami")]),
    ("Harga cabai makin mahal, tambah parah menjelang Natal di Jakarta.", []),
    ("Kapolres Metro Jakarta Barat Kombes M Syahduddi memimpin olah TKP. Korban dibawa ke RSUD, katanya.",
     [("M Syahduddi", "katanya", "Korban dibawa ke RSUD")]),
    # A pronoun's cue inside a sentence that already reported words is that statement, once.
    ("Wakil Menteri Luar Negeri Bonnie Jenkins mengatakan dia yakin Korea Utara tertarik membeli rudal.",
     [("Bonnie Jenkins", "mengatakan", "dia yakin Korea Utara tertarik membeli rudal")]),
    # "bersama" an official, as "didampingi".
    ("Wali Kota Surabaya Eri Cahyadi bersama Kapolrestabes Surabaya Kombes Luthfie Sulistiawan mengatakan jalan dibuka.",
     [("Eri Cahyadi", "mengatakan", "jalan dibuka")]),
    ("Nama korban, sebut saja Mawar, masih dirahasiakan.", []),
    ("“Harga emas akan terus naik,” prediksi pengamat komoditas Ibrahim Assuaibi.",
     [("Ibrahim Assuaibi", "prediksi", "Harga emas akan terus naik")]),
    # An English office of two words is no one's name.
    ("“Pasokan listrik sudah pulih,” ujar General Manager PLN Aceh.",
     [("Perusahaan Listrik Negara", "ujar", "Pasokan listrik sudah pulih")]),
    ("Shin Tae-yong yakin akan kemampuan timnya.", []),
    # An analyst named after their firm speaks, not the firm and them as one name.
    ("Harga emas berpotensi menembus rekor baru, ujar analis Dupoin Futures Andy Nugraha.",
     [("Andy Nugraha", "ujar", "Harga emas berpotensi menembus rekor baru")]),
    ("“Investor asing mulai kembali masuk,” ungkap Senior Investment Information Mirae Asset Sekuritas Martha Christina.",
     [("Martha Christina", "ungkap", "Investor asing mulai kembali masuk")]),
    # Offices in English: "Public Relations" is no one's name, "Officer" an office.
    ("“Kami tidak menaikkan harga tiket,” kata Vice President Public Relations PT KAI Anne Purba.",
     [("Anne Purba", "kata", "Kami tidak menaikkan harga tiket")]),
    ("Chief Executive Officer Tokocrypto Yudhono Rawis mengatakan minat investor muda meningkat.",
     [("Yudhono Rawis", "mengatakan", "minat investor muda meningkat")]),
    # Police offices written short, a rank before a given name that is a place's too ("Danang").
    ("“Kami menunggu hasil forensik,” kata Dirreskrimum Polda Metro Jaya Kombes Wira Satya Triputra.",
     [("Wira Satya Triputra", "kata", "Kami menunggu hasil forensik")]),
    ("“Semua saksi sudah kami periksa,” ungkap Kasat Reskrim Polresta Malang Kota Kompol Danang Yudanto.",
     [("Danang Yudanto", "ungkap", "Semua saksi sudah kami periksa")]),
    # A body's class and its place, then the holder.
    ("Kepala Lembaga Pemasyarakatan Kelas I Cipinang Wachid Wibowo mengatakan narapidana itu kabur.",
     [("Wachid Wibowo", "mengatakan", "narapidana itu kabur")]),
    # One name word after a known body, with the office's short form in brackets before it.
    ("“Putusan ini mencederai rasa keadilan,” ujar Jaksa Penuntut Umum (JPU) Kejari Surabaya Darwis usai sidang.",
     [("Darwis", "ujar", "Putusan ini mencederai rasa keadilan")]),
    # A name with dictionary words ("wong", "sen") that speaks in prose is no title-case heading.
    ("Ketua DPRD Kota Medan Wong Chun Sen mengatakan rapat paripurna ditunda.",
     [("Wong Chun Sen", "mengatakan", "rapat paripurna ditunda")]),
    # A known one-word alias inside a longer name: the whole name, the word before it too.
    ("“Tidak ada toleransi bagi pungli,” tegas Kepala Kantor Imigrasi Kelas I Soekarno-Hatta Muhammad Tito Andrianto.",
     [("Muhammad Tito Andrianto", "tegas", "Tidak ada toleransi bagi pungli")]),
    # A field after "Bidang" belongs to the office; a cleric's title is no part of the name.
    ("“Fatwa ini untuk melindungi umat,” kata Ketua MUI Bidang Fatwa Asrorun Niam Sholeh.",
     [("Asrorun Niam Sholeh", "kata", "Fatwa ini untuk melindungi umat")]),
    ("Uskup Agung Jakarta Kardinal Ignatius Suharyo mengajak umat menjaga persaudaraan.",
     [("Ignatius Suharyo", "mengajak", "umat menjaga persaudaraan")]),
    ("Ia mengajak anaknya ke pasar.", []),
    # A warning reports words; a name at the sentence's end after a known body and its country.
    ("Kepala Badan Meteorologi, Klimatologi, dan Geofisika Dwikorita Karnawati memperingatkan cuaca ekstrem.",
     [("Dwikorita Karnawati", "memperingatkan", "cuaca ekstrem")]),
    ("Presiden Rwanda Paul Kagame memperingatkan dalam wawancara yang disiarkan Rabu.", []),
    ("“Hutan Papua rusak parah,” ujar Juru Kampanye Hutan Greenpeace Indonesia Sekar Banjaran Aji.",
     [("Sekar Banjaran Aji", "ujar", "Hutan Papua rusak parah")]),
    # A passive cue after the quote; a view before a clause reports words, a gaze none.
    ("“Harga BBM bersubsidi tidak naik,” demikian dikatakan Menteri ESDM Bahlil Lahadalia.",
     [("Bahlil Lahadalia", "demikian dikatakan", "Harga BBM bersubsidi tidak naik")]),
    ("Gubernur Bank Indonesia Perry Warjiyo memandang inflasi akan tetap terjaga.",
     [("Perry Warjiyo", "memandang", "inflasi akan tetap terjaga")]),
    ("Perry Warjiyo memandang wajahnya lama sekali.", []),
    # The body in its building's name is no subject: "Gedung Merah Putih KPK" is one place.
    ("Wakil Ketua KPK Johanis Tanak saat ditemui di Gedung Merah Putih KPK mengatakan saksi sudah diperiksa.",
     [("Johanis Tanak", "mengatakan", "saksi sudah diperiksa")]),
    # A referral hospital named after a person, then its director's one name.
    ("Direktur Utama RSUP Dr Sardjito Eniarti menyebutkan pasien demam berdarah meningkat.",
     [("Eniarti", "menyebutkan", "pasien demam berdarah meningkat")]),
    # A region named by its part of a place, then the holder.
    ("“Pasokan BBM aman,” ujar Area Manager Communication Pertamina Patra Niaga Regional Jawa Bagian Barat Eko Kristiawan.",
     [("Eko Kristiawan", "ujar", "Pasokan BBM aman")]),
])
def test_who_speaks(body, expected):
    frame = articles(body)
    quotes = extract_quotes(frame, extract_mentions(frame, use_model=False))
    assert list(zip(quotes["speaker"], quotes["cue"], quotes["text"])) == expected


@pytest.mark.parametrize("use_model", [False, True])
@pytest.mark.parametrize("text, name, role", [
    # The last word of a directorate general's office is no part of the holder's name.
    ("Direktur Jenderal Perhubungan Darat Aan Suhanan mengatakan kajian berjalan.", "Aan Suhanan",
     "Direktur Jenderal Perhubungan Darat"),
    ("Dirjen Perhubungan Laut Antoni Arif Priadi hadir.", "Antoni Arif Priadi", "Dirjen Perhubungan Laut"),
])
def test_an_office_ending_in_a_transport_mode_stays_out_of_the_name(text, name, role, use_model):
    (person,) = [m for m in extract_actors(text, use_model=use_model) if m.type == "PER"]
    assert (person.surface, person.role) == (name, role)


@pytest.mark.parametrize("use_model", [False, True])
@pytest.mark.parametrize("text, firm, officer", [
    ("“Kami siap,” kata Direktur Utama PT Transjakarta Welfizon Yuza kepada wartawan.", "PT Transjakarta", "Welfizon Yuza"),
    ("“Stok aman,” tutur Direktur Utama Perum Bulog Wahyu Suparyono.", "Perum Bulog", "Wahyu Suparyono"),
    # A body's bracketed short form, then its officer's name (the country between may go either way).
    ("Ekonom Center of Reform on Economics (CORE) Indonesia Mohammad Faisal memprediksi ekonomi melambat.",
     "Center of Reform on Economics (CORE)", "Mohammad Faisal"),
])
def test_a_firm_then_its_officer_are_two_actors(text, firm, officer, use_model):
    found = extract_actors(text, use_model=use_model)
    assert [m.surface for m in found if m.type == "PER"] == [officer]
    assert [m.surface for m in found if m.type == "ORG"][0].startswith(firm)


@pytest.mark.parametrize("use_model", [False, True])
@pytest.mark.parametrize("text, place, person, role", [
    ("Bupati nonaktif Labuhanbatu Erik Adtrada Ritonga hadir.", "Kabupaten Labuhanbatu", "Erik Adtrada Ritonga",
     "Bupati nonaktif Labuhanbatu"),
    # A regent's place is the regency, with a standing between them too.
    ("Bupati terpilih Bekasi Ade Kuswara Kunang hadir.", "Kabupaten Bekasi", "Ade Kuswara Kunang",
     "Bupati terpilih Bekasi"),
    # The tagger's body stopped inside "DKI Jakarta" and its person began there.
    ("Kepala Dinas Perhubungan DKI Jakarta Syafrin Liputo hadir.", None, "Syafrin Liputo",
     "Kepala Dinas Perhubungan DKI Jakarta"),
    ("Manajer Persija Jakarta Bambang Pamungkas hadir.", None, "Bambang Pamungkas", "Manajer Persija Jakarta"),
    # An office of two words before the area ("Sekretaris Daerah"), and one in English.
    ("Sekretaris Daerah Kota Bogor Syarifah Sofiah hadir.", "Kota Bogor", "Syarifah Sofiah",
     "Sekretaris Daerah Kota Bogor"),
    ("Vice President Corporate Secretary PT KAI Agus Dwinanto Budiadji hadir.", None, "Agus Dwinanto Budiadji",
     "Vice President Corporate Secretary PT KAI"),
    # A firm's listing is no part of its officer's name.
    ("Presiden Direktur PT Vale Indonesia Tbk Febriany Eddy hadir.", None, "Febriany Eddy",
     "Presiden Direktur PT Vale Indonesia Tbk"),
])
def test_an_office_its_area_and_its_holder(text, place, person, role, use_model):
    found = extract_actors(text, use_model=use_model)
    assert [(m.surface, m.role) for m in found if m.type == "PER"] == [(person, role)]
    if place:
        assert [m.name for m in found if m.type == "LOC"] == [place]


@pytest.mark.parametrize("use_model", [False, True])
def test_a_ministry_portfolio_listed_with_commas_is_no_person(use_model):
    text = "Rapat kerja dengan Menteri Pendidikan Tinggi, Sains, dan Teknologi di Senayan berlangsung."
    assert [m.surface for m in extract_actors(text, use_model=use_model) if m.type == "PER"] == []


@pytest.mark.parametrize("use_model", [False, True])
@pytest.mark.parametrize("text, expected", [
    # After a rank, a name of dictionary words that ends in one no dictionary holds is a person.
    ("Kapolda Jawa Tengah Irjen Ribut Hari Wibowo memimpin pengamanan.", ["Ribut Hari Wibowo"]),
    # A headline's words after a rank and a name still end the name.
    ("Kolonel Budi Hadiri Rapat Kerja", ["Budi"]),
])
def test_a_name_after_a_rank_may_hold_dictionary_words(text, expected, use_model):
    assert [m.surface for m in extract_actors(text, use_model=use_model) if m.type == "PER"] == expected


@pytest.mark.parametrize("use_model", [False, True])
@pytest.mark.parametrize("text, expected", [
    # Named in commas after a word for ordinary people: a person, a dictionary word or not.
    ("Seorang pengungsi, Maria, mengaku masih takut pulang.", ["Maria"]),
    ("Seorang warga, Siti Aminah, menyebut air belum mengalir.", ["Siti Aminah"]),
    # A day or a place in commas is none.
    ("Para korban, Senin, mendatangi kantor polisi.", []),
])
def test_a_name_in_apposition_to_ordinary_people_is_a_person(text, expected, use_model):
    assert [m.surface for m in extract_actors(text, use_model=use_model) if m.type == "PER"] == expected


@pytest.mark.parametrize("use_model", [False, True])
@pytest.mark.parametrize("text, expected", [
    # English copy (an Antara English or Jakarta Globe story): the tagger, which learnt Indonesian,
    # would run its names across whole clauses; the rules read it, in English offices too.
    # A country named by its English adjective is the country, as "Perdana Menteri Malaysia" is
    # in Indonesian copy ("Indonesian" is left out: English copy says it of nearly everything).
    ("President Prabowo Subianto met Malaysian Prime Minister Anwar Ibrahim at the Merdeka Palace on Monday.",
     {("Prabowo Subianto", "PER"), ("Malaysia", "LOC"), ("Anwar Ibrahim", "PER"), ("Istana Merdeka", "LOC")}),
    ("Retno Marsudi condemned the Israeli attack. The Labour Party filed a lawsuit with Indonesian courts.",
     {("Retno Marsudi", "PER"), ("Israel", "LOC"), ("Partai Buruh", "ORG")}),
    ("The rupiah breached Rp 17,000 per US dollar on Tuesday after Washington announced sweeping import tariffs.",
     {("Amerika Serikat", "LOC"), ("Washington", "LOC")}),
    ("Foreign Minister Sugiono said both leaders agreed. Chief Justice Suhartoyo said the law was clear.",
     {("Sugiono", "PER"), ("Suhartoyo", "PER")}),
    ("BNPB spokesman Abdul Muhari said floods hit Bekasi and East Java.",
     {("Badan Nasional Penanggulangan Bencana", "ORG"), ("Abdul Muhari", "PER"), ("Kota Bekasi", "LOC"),
      ("Jawa Timur", "LOC")}),
    # A possessive ends a name; a law named after a body is no mention of the body.
    ("Indonesia's coach Patrick Kluivert praised the crowd. Students protested the Indonesian Military Law.",
     {("Indonesia", "LOC"), ("Patrick Kluivert", "PER")}),
    # English words of bodies make no person of a capitalised run; a body's name may hold a possessive.
    ("The People's Consultative Assembly met on Monday.", {("Majelis Permusyawaratan Rakyat", "ORG")}),
    ("The Attorney General’s Office questioned five witnesses.", {("Kejaksaan Agung", "ORG")}),
    # English heads of places the gazetteer names with a local head ("Pantai Kuta", "Sungai Bengawan Solo").
    ("Volunteers cleaned Kuta Beach. Children swam in the Bengawan Solo River near Komodo National Park.",
     {("Kuta", "LOC"), ("Bengawan Solo", "LOC"), ("Taman Nasional Komodo", "LOC")}),
    # Unknown rivers and mountains are places, named the Indonesian way; an English office names a person.
    ("Floods hit the homes of residents along the Cisadane River and Mount Lokon erupted, the agency said on Monday. "
     "US Trade Representative Jamieson Greer left for the talks.",
     {("Sungai Cisadane", "LOC"), ("Gunung Lokon", "LOC"), ("Amerika Serikat", "LOC"), ("Jamieson Greer", "PER")}),
])
def test_english_copy_is_read_by_the_rules(text, expected, use_model):
    assert named(text, use_model=use_model) == expected


@pytest.mark.parametrize("text, language, expected", [
    ("The president said that the visit would take place this month.", None, "en"),
    ("Presiden mengatakan bahwa kunjungan itu akan dilakukan pada bulan ini.", None, "id"),
    ("Presiden mengatakan bahwa kunjungan itu akan dilakukan pada bulan ini.", "en", "en"),  # the loader's word wins
    ("The president said that the visit would take place this month.", "other", "other"),
])
def test_an_articles_language_is_the_loaders_else_detected(text, language, expected):
    assert actors_module._article_language(text, language) == expected
    assert actors_module.settings()["untagged_languages"] == ["en"]


def test_the_articles_language_decides_whether_the_tagger_reads(monkeypatch):
    read = []
    original = actors_module._model_pass

    def spy(text, *args, **kwargs):
        read.append(text)
        return original(text, *args, **kwargs)

    monkeypatch.setattr(actors_module, "_model_pass", spy)
    body = "Gubernur Jawa Barat Dedi Mulyadi meninjau lokasi banjir di Bekasi."
    articles = pd.DataFrame({"article_id": ["a", "b"], "body": [body, body], "lang": ["id", "en"]})
    extract_mentions(articles, use_model=True)
    assert read == [body]  # only the article the loader read as Indonesian


@pytest.mark.parametrize("use_model", [False, True])
@pytest.mark.parametrize("text, expected", [
    # English copy: the speaker between a quote and its verb, or after "said"; before a quote.
    ('BNPB spokesman Abdul Muhari said rivers overflowed. "We have deployed 300 personnel," he said.',
     [("Abdul Muhari", "indirect", "said", "rivers overflowed"),
      ("Abdul Muhari", "direct", "said", "We have deployed 300 personnel")]),
    ('"The law is clear," Chief Justice Suhartoyo told reporters on Thursday.',
     [("Suhartoyo", "direct", "told", "The law is clear")]),
    ('"We are ready," said Welfizon Yuza. He said that 40,000 passengers would ride daily.',
     [("Welfizon Yuza", "direct", "said", "We are ready"),
      ("Welfizon Yuza", "indirect", "said", "40,000 passengers would ride daily")]),
    # A quote that ends its sentence with a full stop: the next sentence's subject did not say it.
    ('Jakarta Governor Pramono Anung said: "The corridor opens next week." Welfizon Yuza stressed that fares would stay.',
     [("Pramono Anung", "direct", "said", "The corridor opens next week."),
      ("Welfizon Yuza", "indirect", "stressed", "fares would stay")]),
    # A quote split by its attribution: both halves are the speaker's.
    ('"We are ready," said Mohammad Syafii, "but the weather must improve."',
     [("Mohammad Syafii", "direct", "said", "We are ready"),
      ("Mohammad Syafii", "direct", "said", "but the weather must improve.")]),
    # "According to" is "menurut"; "the president" refers back as a pronoun does.
    ("According to Bank Indonesia, inflation remained under control.",
     [("Bank Indonesia", "indirect", "According to", "inflation remained under control")]),
    ('President Prabowo Subianto opened the dam. "It will irrigate 90,000 hectares," the president said.',
     [("Prabowo Subianto", "direct", "said", "It will irrigate 90,000 hectares")]),
    # "told" reports words only before "that": "told reporters on Thursday" says whom.
    ("Bank Indonesia governor Perry Warjiyo told reporters that the rupiah was stable.",
     [("Perry Warjiyo", "indirect", "told", "the rupiah was stable")]),
    ("Perry Warjiyo told reporters on Thursday in Jakarta about the rupiah.", []),
    # What is said follows "that", after when or where it was said.
    ("President Prabowo Subianto said on Monday that Indonesia would not join any military bloc.",
     [("Prabowo Subianto", "indirect", "said", "Indonesia would not join any military bloc")]),
    # A name before an English head noun is a thing's, not the speaker a pronoun refers to.
    ('Budi Gunadi Sadikin visited the Hasan Sadikin hospital. "We will send nurses," he said.',
     [("Budi Gunadi Sadikin", "direct", "said", "We will send nurses")]),
])
def test_english_quotes(text, expected, use_model):
    found = quotes_in_text(text, extract_actors(text, use_model=use_model))
    assert [(quote["speaker"], quote["kind"], quote["cue"], quote["text"]) for quote in found] == expected


@pytest.mark.parametrize("text, expected", [
    # In prose, a name after an office that speaks is a name, dictionary words and all ...
    ("Juru bicara Polri Trunoyudo Wisnu Andiko mengatakan hal itu.", ["Trunoyudo Wisnu Andiko"]),
    ("National Police spokesman Trunoyudo Wisnu Andiko said the group had laundered the money, the police said.",
     ["Trunoyudo Wisnu Andiko"]),
    # ... where a headline's dictionary words after an office still end at the name, or make none.
    ("Menteri Budi Hadiri Rapat Kerja", ["Budi"]),
    ("Juru bicara Polri Bantah Tudingan Warga", []),
])
def test_a_speaking_name_after_an_office_may_hold_dictionary_words(text, expected):
    assert [m.surface for m in extract_actors(text, use_model=False) if m.type == "PER"] == expected


@pytest.mark.parametrize("title, body, expected", [
    ("Sri Mulyani Says Deficit to Stay Below 3 Percent",
     "Finance Minister Sri Mulyani Indrawati spoke in Jakarta on Monday, and the ministry confirmed it.",
     ("Sri Mulyani Indrawati", "Says", "Deficit to Stay Below 3 Percent")),
    ('"We Are Ready," Says Kluivert Ahead of Bahrain Match',
     "Coach Patrick Kluivert named his squad for the match against Bahrain on Tuesday, the association said.",
     ("Patrick Kluivert", "Says", "We Are Ready")),
])
def test_an_english_headline_quotes_its_speaker(title, body, expected):
    articles = pd.DataFrame({"article_id": ["a"], "title": [title], "body": [body], "lang": ["en"]})
    _, quotes = extract_mentions_and_quotes(articles, use_model=False)
    headline = quotes[quotes["kind"] == "headline"]
    assert list(zip(headline["speaker"], headline["cue"], headline["text"])) == [expected]


@pytest.mark.parametrize("language, expected", [
    ("en", [("Budi Santoso", "said", "the price of rice rose this week")]),
    ("id", []),  # an English verb in Indonesian copy reports nothing
])
def test_english_speech_verbs_report_words_in_english_copy_only(language, expected):
    text = "Trade Minister Budi Santoso said that the price of rice rose this week."
    found = quotes_in_text(text, extract_actors(text, use_model=False, language=language), language=language)
    assert [(quote["speaker"], quote["cue"], quote["text"]) for quote in found] == expected
