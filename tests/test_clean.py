"""Tests for warta.clean: one table row per outlet style, boilerplate, caption, byline and export field."""
from __future__ import annotations

import pytest

from warta.clean import CleanedArticle, clean_article, normalize_text, split_glued_sentences

STORY = "Presiden Rusia Vladimir Putin tiba di Pyongyang pada Rabu dini hari waktu setempat."
SECOND = "Kunjungan itu merupakan yang pertama dalam 24 tahun terakhir, kata juru bicara Kremlin."


@pytest.mark.parametrize(
    ("first_line", "dateline"),
    [
        ("JAKARTA, KOMPAS.com - ", "JAKARTA, KOMPAS.com -"),
        ("Bisnis.com, JAKARTA - ", "Bisnis.com, JAKARTA -"),
        ("Jakarta (ANTARA) - ", "Jakarta (ANTARA) -"),
        ("Jakarta, CNN Indonesia -- ", "Jakarta, CNN Indonesia --"),
        ("TEMPO.CO, Jakarta - ", "TEMPO.CO, Jakarta -"),
        ("REPUBLIKA.CO.ID, MAKKAH -- ", "REPUBLIKA.CO.ID, MAKKAH --"),
        ("TRIBUNJATENG.COM, SEMARANG - ", "TRIBUNJATENG.COM, SEMARANG -"),
        ("WASHINGTON, KOMPAS.TV - ", "WASHINGTON, KOMPAS.TV -"),
        ("Liputan6.com, Jakarta - ", "Liputan6.com, Jakarta -"),
        ("Jakarta - ", "Jakarta -"),
        ("KUALA LUMPUR — ", "KUALA LUMPUR —"),
        ("WASHINGTON - ", "WASHINGTON -"),
        ("Pikiran-Rakyat.com - ", "Pikiran-Rakyat.com -"),  # a hyphen in the outlet's name
        ("KONTAN.CO.ID - JAKARTA. ", "KONTAN.CO.ID - JAKARTA."),  # the place after the outlet, with a full stop
        ("KBRN, Jakarta: ", "KBRN, Jakarta:"),  # closed by a colon
    ],
)
def test_dateline_moves_from_body_to_header(first_line, dateline):
    article = clean_article(f"{first_line}{STORY}\n{SECOND}")
    assert article.body.split("\n") == [STORY, SECOND]
    assert dateline in article.header.split("\n")


@pytest.mark.parametrize(
    "first_line",
    [
        "Presiden Joko Widodo - yang akrab disapa Jokowi - meresmikan jalan tol baru di Jawa Tengah.",
        "Harga beras naik 2.5 persen pada bulan ini, menurut data Badan Pusat Statistik.",
        "Ketua KPU, Hasyim Asy'ari: Pemilu berjalan lancar dan aman di seluruh wilayah.",  # five words: no dateline
        "Menurut Jokowi, tiga hal: pangan, energi dan air harus dijaga bersama.",
    ],
)
def test_ordinary_first_sentence_keeps_its_words(first_line):
    assert clean_article(f"{first_line}\n{SECOND}").body.split("\n")[0] == first_line


def test_only_an_outlets_dateline_is_followed_by_its_place():
    # "KONTAN.CO.ID - JAKARTA." names a place after the outlet; after a place, an acronym is the story's.
    story = "KPK. Lembaga itu menetapkan dua tersangka baru kasus suap proyek jalan."
    assert clean_article(f"Jakarta - {story}\n{SECOND}").body.split("\n")[0] == story


def test_bare_leading_dash_is_dropped():
    assert clean_article(f"Judul Berita Tentang Kunjungan Putin\n- {STORY}").body == STORY


@pytest.mark.parametrize(
    ("raw", "title", "header_lines"),
    [
        # Kompas TV: breadcrumb, title, outlet-and-date line, URL slug.
        (f"Kompas TV internasional kompas dunia\n\nPutin Akan Bertemu Kim Jong-Un di Korea Utara\n\n"
         f"Kompas.tv - 15 Juni 2024, 12:30 WIB\nputin-akan-bertemu-kim-jong-un-di-korea-utara\n{STORY}",
         "Putin Akan Bertemu Kim Jong-Un di Korea Utara",
         ["Kompas TV internasional kompas dunia", "Kompas.tv - 15 Juni 2024, 12:30 WIB"]),
        # Unknown site: a domain-like first line, a title with a " - News" section suffix.
        (f"bdadinfo.com\n\nKim Jong Un Sambut Hangat Kunjungan Putin, AS Kalang Kabut? - News\n\n- {STORY}",
         "Kim Jong Un Sambut Hangat Kunjungan Putin, AS Kalang Kabut?", ["bdadinfo.com", "News"]),
        # KBS: a date line with a photo credit, no title.
        (f" date 2024-06 Photo : KBS News\n\n{STORY}", "", ["date 2024-06 Photo : KBS News"]),
        # Date line above the title, as many portals print it.
        (f"Rabu, 19 Juni 2024 | 10:15 WIB\nPutin Tiba di Pyongyang Disambut Kim Jong Un\n{STORY}",
         "Putin Tiba di Pyongyang Disambut Kim Jong Un", ["Rabu, 19 Juni 2024 | 10:15 WIB"]),
        # A URL line is kept as the article's URL, not as header text.
        (f"https://www.detik.com/berita/d-123/putin-tiba\nPutin Tiba di Pyongyang Hari Ini\n{STORY}",
         "Putin Tiba di Pyongyang Hari Ini", []),
        # Body only: no title, no header.
        (f"{STORY}\n{SECOND}", "", []),
    ],
)
def test_header_and_title(raw, title, header_lines):
    article = clean_article(raw)
    assert article.title == title
    assert [line for line in article.header.split("\n") if line] == header_lines
    assert article.body.split("\n")[0] == STORY


@pytest.mark.parametrize("trailer", ["sindonews.com", "Rabu, 19 Juni 2024, 09:00 WIB"])
def test_outlet_and_date_lines_after_the_story_go_to_the_header(trailer):
    article = clean_article(f"PYONGYANG - {STORY}\n{SECOND}\n{trailer}")
    assert article.body.split("\n") == [STORY, SECOND]
    assert trailer in article.header.split("\n")


def test_url_line_is_kept_as_url():
    article = clean_article(f"https://www.detik.com/berita/d-123/putin-tiba\nPutin Tiba di Pyongyang\n{STORY}")
    assert article.url == "https://www.detik.com/berita/d-123/putin-tiba"


@pytest.mark.parametrize(
    "line",
    [
        "Baca Juga: Lebih dari 2 Juta Jemaah Haji Tiba di Mina",
        "Baca juga: Putin Tiba di Pyongyang",
        "BACA JUGA: Kim Jong Un Sambut Putin",
        "Baca Juga",
        "Pilihan Editor: Putin dan Kim Teken Pakta Pertahanan",
        "Follow Berita Okezone di Google News",
        "Follow WhatsApp Channel Okezone untuk update berita terbaru setiap hari",
        "Ikuti berita terkini dari kami di Google News",
        "Dapatkan berita up to date dengan semua berita terkini dari Okezone hanya dengan satu akun di ORION",
        "Simak breaking news dan berita pilihan kami langsung di ponselmu.",
        "BERITA LAINNYA",
        "Terkini Lainnya",
        "Tautan Sahabat",
        "Close Ads x",
        "Advertisement",
        "ADVERTISEMENT",
        "SCROLL TO CONTINUE WITH CONTENT",
        "Artikel ini telah tayang di Kompas.com dengan judul Putin Tiba",
        "Halaman selanjutnya",
        "[Gambas:Video CNN]",
        "Simak juga Video: Putin Tiba di Pyongyang",
        "Klik di sini untuk berlangganan",
        "Lihat Foto",
        "***",
        "Tag: banjir demak jokowi",
        "Topik: Banjir Demak",
        "Kata kunci: banjir, Demak",
        "1 2 3",
        "1 2 Selanjutnya",
    ],
)
def test_promo_lines_leave_the_body(line):
    article = clean_article(f"{STORY}\n{line}\n{SECOND}")
    assert article.body.split("\n") == [STORY, SECOND]
    assert line in article.removed


@pytest.mark.parametrize("line", ["Skor akhir 2-1 untuk Persib.", "Pada 2024 ada 12 kasus.", "2024", "(Reuters)",
                                  "Harga naik (lihat tabel).", "Topik utama rapat adalah banjir."])
def test_prose_like_the_new_promo_lines_stays(line):
    assert clean_article(f"{STORY}\n{line}\n{SECOND}").body.split("\n") == [STORY, line, SECOND]


@pytest.mark.parametrize("paragraph, kept, link", [
    # Glued to the sentence before it, at the paragraph's end.
    ("Penahanan berlaku 20 hari.Baca Juga: KPK Periksa Pejabat Kementan", "Penahanan berlaku 20 hari.",
     "Baca Juga: KPK Periksa Pejabat Kementan"),
    # Inside the paragraph: the headline ends where running text resumes; its first word opens the next sentence.
    ("Penahanan berlaku 20 hari. Baca juga: Banjir Rendam 3 Desa di Cianjur, Warga Mengungsi Ia menambahkan itu.",
     "Penahanan berlaku 20 hari. Ia menambahkan itu.", "Baca juga: Banjir Rendam 3 Desa di Cianjur, Warga Mengungsi"),
    ("Tol dibuka. BACA JUGA: Jokowi Resmikan Tol Baru Presiden berharap tol itu ramai.",
     "Tol dibuka. Presiden berharap tol itu ramai.", "BACA JUGA: Jokowi Resmikan Tol Baru"),
])
def test_a_related_article_link_inside_a_paragraph_leaves_it(paragraph, kept, link):
    article = clean_article(f"{STORY}\n{paragraph}")
    assert article.body.split("\n") == [STORY, kept]
    assert link in article.removed


@pytest.mark.parametrize("paragraph", ["Ia juga mengatakan hal itu. Menurut dia, warga juga: siap.",
                                       "Mereka membaca juga buku itu."])
def test_prose_with_the_words_of_a_link_stays(paragraph):
    assert clean_article(f"{STORY}\n{paragraph}").body.split("\n") == [STORY, paragraph]


def test_related_list_after_heading_is_removed_up_to_prose():
    raw = f"{STORY}\nBerita Terkait\nPutin Tiba di Korea Utara\nKim Sambut Putin di Bandara\n{SECOND}"
    article = clean_article(raw)
    assert article.body.split("\n") == [STORY, SECOND]
    assert "Kim Sambut Putin di Bandara" in article.removed


def test_subheading_in_body_is_kept():
    raw = f"{STORY}\nAS Soroti Hubungan Rusia-Korut\n{SECOND}"
    assert clean_article(raw).body.split("\n") == [STORY, "AS Soroti Hubungan Rusia-Korut", SECOND]


def test_source_trailer_is_a_credit():
    article = clean_article(f"{STORY}\n\n\nSumber : The Guardian\n\nBERITA LAINNYA\nClose Ads x")
    assert article.body == STORY
    assert article.credits == ("Sumber : The Guardian",)


@pytest.mark.parametrize(
    "caption",
    [
        "Presiden Rusia Vladimir Putin disambut Kim Jong Un. (KCNA via Reuters)",
        "Kim Jong-un bertemu Putin di Rusia, Rabu (13/9/2023). (Sumber: Mikhail Metzel, Sputnik, Kremlin Pool Photo via AP)",
        "Foto: Presiden Joko Widodo di Istana Merdeka, Jakarta.",
        "Ilustrasi: rudal balistik Korea Utara.",
        "Putin dan Kim di Pyongyang. (ANTARA FOTO/REUTERS/Sputnik)",
        "Warga menonton siaran berita di Seoul. (AP Photo/Ahn Young-joon)",
        "Presiden Joko Widodo di Istana Merdeka. (KOMPAS.com/Garry Lotulung)",
        "Ilustrasi rudal balistik. (Shutterstock)",
        "Warga berkumpul di alun-alun kota. (Dok. Istimewa)",
    ],
)
def test_captions_move_out_of_the_body(caption):
    article = clean_article(f"{STORY}\n{caption}\n{SECOND}")
    assert article.body.split("\n") == [STORY, SECOND]
    assert caption in article.captions


def test_paragraph_ending_in_a_date_is_not_a_caption():
    line = "Putin tiba di Pyongyang pada Selasa malam, kata kantor berita KCNA (18/6/2024)."
    assert clean_article(f"{STORY}\n{line}").body.split("\n")[1] == line


@pytest.mark.parametrize(
    ("byline", "authors", "editors"),
    [
        ("Penulis : Haryo Jati | Editor : Desy Afrianti", ["Haryo Jati"], ["Desy Afrianti"]),
        ("Reporter: Ahmad Fauzi", ["Ahmad Fauzi"], []),
        ("Pewarta: Rina Susanti\nEditor: Budi Santoso", ["Rina Susanti"], ["Budi Santoso"]),
        ("Rep: Fauziah Mursid Red: Ani Nursalikah", ["Fauziah Mursid"], ["Ani Nursalikah"]),
        ("Ahmad Bil Wahid, Matius Alfons - detikNews", ["Ahmad Bil Wahid", "Matius Alfons"], []),
        ("News - Thea Fathanah Arbar, CNBC Indonesia", ["Thea Fathanah Arbar"], []),
        ("Penulis: Dewi Lestari & Andi Wijaya", ["Dewi Lestari", "Andi Wijaya"], []),
        ("Laporan Wartawan Tribunnews.com, Reza Deni", ["Reza Deni"], []),
        ("Penulis Aditya Jaya Iswara | Editor Bayu Galih", ["Aditya Jaya Iswara"], ["Bayu Galih"]),
        ("Reporter: Tempo.co\nEditor: Ninis Chairunnisa", [], ["Ninis Chairunnisa"]),
        ("Reporter : Titin Supriatin | Jum'at, 7 Juni 2024 10:05", ["Titin Supriatin"], []),
    ],
)
def test_bylines(byline, authors, editors):
    article = clean_article(f"Putin Tiba di Pyongyang Disambut Kim\n{byline}\n{STORY}\n{SECOND}")
    assert list(article.authors) == authors
    assert list(article.editors) == editors
    assert article.body.split("\n") == [STORY, SECOND]


@pytest.mark.parametrize(
    ("ending", "authors", "editors"),
    [
        (" (rik/idh)", ["rik"], ["idh"]),
        ("\n(dna/dna)", ["dna"], ["dna"]),
        ("\n(ant/dhf)\n1 2 3\nTag: banjir demak", ["ant"], ["dhf"]),  # a pager and tags after the code
    ],
)
def test_desk_codes(ending, authors, editors):
    article = clean_article(f"{STORY}\n{SECOND}{ending}")
    assert (list(article.authors), list(article.editors)) == (authors, editors)
    assert article.body.split("\n") == [STORY, SECOND]


@pytest.mark.parametrize(
    ("lines", "vendor"),
    [
        (["FollowSentimen: positif (84.2%)"], {"sentiment": "positif", "sentiment_confidence": 84.2}),
        (["Sentimen: negatif (61,5%)"], {"sentiment": "negatif", "sentiment_confidence": 61.5}),
        (["Provinsi: Jawa Barat; Jawa Tengah | DKI Jakarta"],
         {"provinsi": ["Jawa Barat", "Jawa Tengah", "DKI Jakarta"]}),
        (["Kab/Kota: Washington, Seoul, Pyongyang, Moskow"],
         {"kab_kota": ["Washington", "Seoul", "Pyongyang", "Moskow"]}),
        (["Institusi: Universitas Cambridge"], {"institusi": ["Universitas Cambridge"]}),
        (["Tokoh Terkait: Vladimir Putin, Kim Jong Un"], {"tokoh_terkait": ["Vladimir Putin", "Kim Jong Un"]}),
        (["Okezone.com Jenis Media: Nasional"], {"jenis_media": "Nasional"}),
        (["Sentimen", "Informasi Tambahan", "Tokoh Terkait"], {}),
    ],
)
def test_vendor_fields_leave_the_body(lines, vendor):
    raw = "\n".join([*lines, STORY, SECOND]) if lines[0] != "FollowSentimen: positif (84.2%)" \
        else "\n".join([STORY, SECOND, *lines])
    article = clean_article(raw)
    assert dict(article.vendor) == vendor
    assert article.body.split("\n") == [STORY, SECOND]


def test_vendor_label_inside_prose_is_left_alone():
    line = "Sentimen pasar membaik setelah bank sentral menahan suku bunga acuan pada pekan ini."
    assert clean_article(f"{STORY}\n{line}").body.split("\n")[1] == line


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("dengan cermat.Koordinator Komunikasi", "dengan cermat. Koordinator Komunikasi"),
        ("negara itu.Ditambahkan pula", "negara itu. Ditambahkan pula"),
        ("naik 2.5 persen dan 11.000 kontainer", "naik 2.5 persen dan 11.000 kontainer"),
        ("dikutip Okezone.com dan kompas.com", "dikutip Okezone.com dan kompas.com"),
        ("situs Detik.Com melaporkan", "situs Detik.Com melaporkan"),
        ("tentara U.S. Army tiba", "tentara U.S. Army tiba"),
        ("U.S.Army dan S.H.Ahmad", "U.S.Army dan S.H.Ahmad"),
        ("dukungan AS.Presiden Rusia", "dukungan AS. Presiden Rusia"),
        ("pukul 12.30 WIB.Sementara itu", "pukul 12.30 WIB. Sementara itu"),
        ("situs KOMPAS.TV dan KOMPAS.Com", "situs KOMPAS.TV dan KOMPAS.Com"),
        ("pukul 10.30.Setelah itu", "pukul 10.30. Setelah itu"),
        ("katanya.\u201cKami siap", "katanya. \u201cKami siap"),
        ("Benarkah?Ternyata tidak", "Benarkah? Ternyata tidak"),
    ],
)
def test_split_glued_sentences(text, expected):
    assert split_glued_sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a\u00a0 b\r\nc\u200b d \rx\u2028y", "a b\nc d\nx\ny"),
        ("a\r\r\nb\n\rc", "a\n\nb\n\nc"),
        (" a  \t b \n  c\u3000", "a b\nc"),
        ("tanpa perubahan", "tanpa perubahan"),
    ],
)
def test_normalize_text_unifies_spaces_and_newlines(text, expected):
    assert normalize_text(text) == expected


def test_caption_label_without_colon_is_not_a_caption():
    line = "Foto bersama para menteri dilakukan di halaman istana"
    assert clean_article(f"{STORY}\n{line}\n{SECOND}").captions == ()


def test_empty_and_boilerplate_only_texts_have_no_body():
    assert clean_article("") == CleanedArticle()
    assert clean_article("Baca Juga: Putin\nClose Ads x").body == ""


def test_cleaned_article_is_frozen():
    article = clean_article(STORY)
    with pytest.raises(AttributeError):
        article.body = ""  # type: ignore[misc]


@pytest.mark.parametrize(
    ("last_line", "authors", "in_header", "stays_in_body"),
    [
        ("Fachri Audhia Hafiez • 17 September 2024 14:52", ["Fachri Audhia Hafiez"], "17 September 2024 14:52", False),
        ("Rahmat Hidayat Pratama · 5 Februari 2025", ["Rahmat Hidayat Pratama"], "5 Februari 2025", False),
        ("Antara | Selasa, 9 Januari 2024", [], "Antara | Selasa, 9 Januari 2024", False),  # a header line as it was
        ("Presiden Joko Widodo | Istana Negara", [], None, True),  # no date: an ordinary short line
        ("Harga Cabai • 17 jenis pedagang menaikkan harga hari ini di pasar induk", [], None, True),
    ],
)
def test_trailing_reporter_and_date_line(last_line, authors, in_header, stays_in_body):
    article = clean_article("Judul Berita Yang Cukup Panjang Sekali\n"
                            "Jakarta: Presiden tiba di istana pada pagi hari ini bersama rombongan.\n"
                            "Rapat kabinet dimulai pukul sembilan dan berlangsung hingga siang.\n" + last_line)
    assert list(article.authors) == authors
    assert (last_line in article.body) == stays_in_body
    if in_header:
        assert in_header in article.header.split("\n")
