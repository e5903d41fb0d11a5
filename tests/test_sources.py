"""Tests for warta.sources: the outlet registry, outlet detection and cited sources."""
from __future__ import annotations

import pytest

from warta import sources
from warta.config import seeds_dir


@pytest.fixture(autouse=True, params=["compiled", "python"])
def cue_path(request, monkeypatch):
    """Every test runs on the compiled cue scan (warta._tokens.cue_hits) and on the bytes.find one."""
    if request.param == "compiled":
        request.getfixturevalue("compiled_tokens")
    else:
        monkeypatch.setattr(sources, "_compiled_cue_hits", None)
    return request.param

SEEDS = {path.name[:3]: path.read_text(encoding="utf-8") for path in sorted(seeds_dir().glob("*.txt"))}


# --------------------------------------------------------------------------- registry


def test_registry_has_enough_outlets_with_every_field():
    registry = sources.outlet_registry()
    assert len(registry) >= 150
    assert registry["name"].is_unique
    assert set(registry["media_type"]) == {"nasional", "lokal", "internasional"}
    assert all(registry["lang"].str.fullmatch(r"[a-z]{2}"))
    assert all(registry["group"].str.len() > 0)
    assert all(domains and domains[0] == domain for domains, domain in zip(registry["domains"], registry["domain"]))


@pytest.mark.parametrize(
    "name",
    ["Kompas.com", "detikcom", "Tribunnews.com", "Liputan6.com", "CNN Indonesia", "CNBC Indonesia", "Kumparan",
     "Tempo.co", "Republika", "ANTARA", "Okezone", "SINDOnews", "Suara.com", "IDN Times", "Merdeka.com",
     "VIVA.co.id", "JPNN.com", "iNews", "Bisnis.com", "Kontan", "Katadata", "Media Indonesia", "Jawa Pos",
     "Kompas.id", "Kompas TV", "Metro TV", "tvOne", "Berita Satu", "Inilah.com", "Grid.ID", "Pikiran Rakyat",
     "Jurnas.com", "Gatra", "Tirto.id", "Asumsi", "Narasi", "VOI", "Law-Justice",
     "TribunJateng", "TribunJatim", "TribunJabar", "Tribun Medan", "Tribun Bali", "Radar Bogor", "Radar Surabaya",
     "Harian Jogja", "Solopos", "Bali Post", "Serambi Indonesia", "Riau Pos", "Fajar.co.id", "Kaltim Post",
     "Banjarmasin Post", "RRI", "TVRI", "SCTV", "RCTI", "Elshinta", "Trans7", "NET TV",
     "KBS World Indonesia", "BBC News Indonesia", "VOA Indonesia", "DW Indonesia", "Sputnik Indonesia",
     "Anadolu Indonesia", "NHK World Indonesia", "ABC Indonesia"],
)
def test_registry_covers_required_outlet(name):
    assert name in set(sources.outlet_registry()["name"])


def test_kompas_outlets_are_distinct():
    registry = sources.outlet_registry().set_index("name")
    assert registry.loc[["Kompas.com", "Kompas TV", "Kompas.id"], "domain"].tolist() == ["kompas.com", "kompas.tv", "kompas.id"]


def test_registry_rejects_an_alias_claimed_twice(tmp_path, monkeypatch):
    clash = tmp_path / "outlets.toml"
    clash.write_text(
        'outlet = [\n'
        '{ name = "A", domains = ["a.id"], aliases = ["Same"], media_type = "lokal", lang = "id", group = "x" },\n'
        '{ name = "B", domains = ["b.id"], aliases = ["same"], media_type = "lokal", lang = "id", group = "x" },\n]\n'
    )
    monkeypatch.setattr(sources, "section", lambda name: {"registry": str(clash)})
    sources._registry.cache_clear()
    try:
        with pytest.raises(ValueError, match="'same' belongs to both 'A' and 'B'"):
            sources._registry()
    finally:
        sources._registry.cache_clear()


# --------------------------------------------------------------------------- lookup_domain


@pytest.mark.parametrize(
    ("domain_or_url", "name"),
    [
        ("kompas.com", "Kompas.com"),
        ("https://nasional.kompas.com/read/2024/06/19/1/putin", "Kompas.com"),
        ("https://www.kompas.tv/internasional/123/as-ketakutan", "Kompas TV"),
        ("https://www.kompas.id/baca/internasional/2024/06/19/putin", "Kompas.id"),
        ("https://news.detik.com/internasional/d-123/putin", "detikcom"),
        ("https://jateng.tribunnews.com/2024/06/19/putin", "TribunJateng"),
        ("https://www.tribunnews.com/internasional/2024/06/19/putin", "Tribunnews.com"),
        ("https://www.bbc.com/indonesia/articles/c123", "BBC News Indonesia"),
        ("https://www.bbc.com/news/world-asia-123", "BBC News"),
        ("https://www.dw.com/id/putin-kunjungi-korea-utara/a-123", "DW Indonesia"),
        ("https://www3.nhk.or.jp/nhkworld/id/news/123/", "NHK World Indonesia"),
        ("HTTPS://M.OKEZONE.COM/read/2024/06/19/18/123/putin", "Okezone"),
        ("https://www.antaranews.com/berita/123/putin:443", "ANTARA"),
        ("republika.co.id", "Republika"),
    ],
)
def test_lookup_domain(domain_or_url, name):
    assert sources.lookup_domain(domain_or_url).name == name


@pytest.mark.parametrize("domain_or_url", ["bdadinfo.com", "https://example.org/berita", "", "not a domain"])
def test_lookup_domain_unregistered(domain_or_url):
    assert sources.lookup_domain(domain_or_url) is None


# --------------------------------------------------------------------------- detect_outlet


@pytest.mark.parametrize(
    ("text", "domain"),
    [
        # datelines
        ("JAKARTA, KOMPAS.com - Presiden Joko Widodo meresmikan bendungan.", "kompas.com"),
        ("Bisnis.com, JAKARTA - Harga emas naik.", "bisnis.com"),
        ("Jakarta (ANTARA) - Menteri Luar Negeri Retno Marsudi mengatakan.", "antaranews.com"),
        ("Jakarta, CNN Indonesia -- Presiden Rusia Vladimir Putin tiba.", "cnnindonesia.com"),
        ("TEMPO.CO, Jakarta - Komisi Pemberantasan Korupsi menahan tersangka.", "tempo.co"),
        ("REPUBLIKA.CO.ID, MAKKAH -- Jamaah haji Indonesia tiba di Mina.", "republika.co.id"),
        ("TRIBUNJATENG.COM, SEMARANG - Banjir merendam ratusan rumah.", "tribunjateng.com"),
        ("WASHINGTON, KOMPAS.TV - Amerika Serikat ketakutan.", "kompas.tv"),
        ("Jakarta, CNBC Indonesia - Harga minyak dunia turun.", "cnbcindonesia.com"),
        ("Liputan6.com, Jakarta - Polisi menangkap pelaku.", "liputan6.com"),
        ("Jakarta, IDN Times - Hujan deras mengguyur Jakarta.", "idntimes.com"),
        ("HARIANJOGJA.COM, JOGJA—Pemkot Jogja menata Malioboro.", "harianjogja.com"),
        ("SOLOPOS.COM - Wali Kota Solo meninjau pasar.", "solopos.com"),
        ("KONTAN.CO.ID - JAKARTA. Bank Indonesia menahan suku bunga.", "kontan.co.id"),
        ("WASHINGTON DC (VOA) — Presiden Amerika Serikat berpidato.", "voaindonesia.com"),
        ("Law-Justice.co - Pengamat menilai kebijakan itu keliru.", "law-justice.co"),
        ("TRIBUN-MEDAN.COM, MEDAN - Polisi menggerebek gudang.", "tribun-medan.com"),
        ("Jakarta, Beritasatu.com - Pemerintah menaikkan harga.", "beritasatu.com"),
        ("SURYA.co.id, SURABAYA - Wali Kota Surabaya meninjau.", "surya.co.id"),
        ("Pariamantoday.com, PARIAMAN - Dishub memanggil pengelola parkir.", "pariamantoday.com"),
        # header and credit lines
        ("Okezone.com Jenis Media: Nasional\nWASHINGTON - Amerika Serikat prihatin.", "okezone.com"),
        ("Kompas TV internasional kompas dunia\n\nJudul berita", "kompas.tv"),
        ("detikNews\nKanavino Ahmad Rizqo - detikNews\nJakarta - Presiden tiba.", "detik.com"),
        ("kumparanNEWS\nPutin tiba di Pyongyang", "kumparan.com"),
        (" date 2024-06 Photo : KBS News\n\nPemerintah Amerika Serikat prihatin.", "world.kbs.co.kr"),
        ("Judul berita\nNews - Anisatul Umah, CNBC Indonesia\nHarga minyak turun.", "cnbcindonesia.com"),
        ("bdadinfo.com\n\nJudul berita panjang tentang kunjungan Putin - News", "bdadinfo.com"),
        ("https://www.suarasurabaya.net/kelanakota/2024/banjir/\nBanjir merendam kota.", "suarasurabaya.net"),
        ("Putin Tiba di Pyongyang, Disambut Karpet Merah oleh Kim Jong Un - Kompas.com\nIsi berita.", "kompas.com"),
        ("Putin Tiba di Pyongyang, Disambut Karpet Merah oleh Kim Jong Un | Republika Online\nIsi.", "republika.co.id"),
    ],
)
def test_detect_outlet(text, domain):
    assert sources.detect_outlet(text).domain == domain


def test_dateline_beats_an_earlier_credit_line():
    text = "Foto: ANTARA\nJAKARTA, KOMPAS.com - Presiden tiba di Istana."
    assert sources.detect_outlet(text).name == "Kompas.com"


def test_url_beats_the_text_and_unknown_urls_keep_their_host():
    assert sources.detect_outlet("Jakarta (ANTARA) - Berita.", url="https://www.kompas.com/a").name == "Kompas.com"
    assert sources.detect_outlet("Jakarta (ANTARA) - Berita.", url="https://berita.example.id/a").name == "ANTARA"
    unknown = sources.detect_outlet("Judul berita saja tanpa tanda penerbit apa pun di sini.", url="https://berita.example.id/a")
    assert (unknown.domain, unknown.media_type) == ("berita.example.id", "unknown")


@pytest.mark.parametrize("url", ["notaurl", "localhost", "ftp://x", "http://192.168.1.1/berita", "x.y"])
def test_a_url_without_a_public_host_names_no_outlet(url):
    assert sources.detect_outlet("Judul berita saja tanpa tanda penerbit apa pun di sini.", url=url) is None
    assert sources.detect_outlet("Jakarta (ANTARA) - Berita.", url=url).name == "ANTARA"


@pytest.mark.parametrize(
    "text",
    [
        "Putin tiba di Pyongyang, kata juru bicara kepada wartawan, dikutip BBC.",
        "Tuduhan itu disampaikan Miller dikutip Tim News dari Reuters pada Rabu, 19 Juni 2024.",
        "Presiden Putin tiba di Pyongyang disambut Kim Jong Un. (KCNA via Reuters)",
        "Stoltenberg mengatakan hal itu dilansir dari Reuters, Rabu (19/6/2024).",
        "",
    ],
)
def test_a_cited_wire_is_not_the_outlet(text):
    assert sources.detect_outlet(text) is None


def test_detect_outlet_on_the_seeds():
    found = {key: sources.detect_outlet(text) for key, text in SEEDS.items()}
    assert "KBS" in found["000"].name
    assert (found["001"].domain, found["001"].media_type) == ("okezone.com", "nasional")
    assert (found["002"].name, found["002"].domain) == ("Kompas TV", "kompas.tv")
    assert (found["003"].name, found["003"].domain, found["003"].media_type) == ("bdadinfo.com", "bdadinfo.com", "unknown")
    assert found["004"].domain == "bisnis.com"


# --------------------------------------------------------------------------- find_cited_sources


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kata Kirby kepada wartawan pada Senin (17/6/2024), dikutip BBC.", ["BBC"]),
        ("kata Stoltenberg dilansir dari Reuters, Rabu (19/6/2024).", ["Reuters"]),
        ("Dikutip dari The Guardian, Jumat (14/6/2024), Campbell mengatakan.", ["The Guardian"]),
        ("Peskov menegaskan.\n\nSumber : The Guardian\n", ["The Guardian"]),
        ("Putin disambut Kim Jong Un. (KCNA via Reuters)", ["KCNA", "Reuters"]),
        ("Harga minyak naik, mengutip AFP, pada Senin.", ["AFP"]),
        ("Rudal itu jatuh di laut, seperti dilaporkan Yonhap.", ["Yonhap"]),
        ("Kami siap, kata Menteri kepada ANTARA di Jakarta.", ["ANTARA"]),
        ("menurut kantor berita resmi KCNA, uji coba berhasil.", ["KCNA"]),
        ("Xinhua melaporkan hal itu; dilansir Xinhua dan TASS.", ["Xinhua", "TASS"]),
        ("Seperti dikutip dari RIA Novosti dan melansir Kyodo News.", ["RIA Novosti", "Kyodo"]),
        ("dilansir Bloomberg, mengutip CNN, dan dilansir Al Jazeera.", ["Bloomberg", "CNN", "Al Jazeera"]),
        ("mengutip laporan The New York Times serta dilansir The Washington Post.", ["The New York Times", "Washington Post"]),
        ("dilaporkan NHK; dikutip Sputnik; dilansir Bernama.", ["NHK", "Sputnik", "Bernama"]),
        ("Putin tiba. (Sumber: Mikhail Metzel, Sputnik, Kremlin Pool Photo via AP)", ["Sputnik", "AP"]),
        ("Warga mengungsi. (ANTARA FOTO/Hafidz Mubarak)", ["ANTARA"]),
        ("Kim menyambut Putin. REUTERS/Kim Hong-Ji", ["Reuters"]),
        ("Pasukan berjaga di perbatasan. (AP Photo/Ahn Young-joon)", ["AP"]),
        ("Data 2023/2024 dan Kab/Kota serta (rik/idh) bukan kredit.", []),
        ("/ Warga mengungsi. (ANTARA/Hafidz Mubarak)", ["ANTARA"]),
        ("Hal itu dikutip dari Kompas.com.", ["Kompas.com"]),
        ("Jalan layang dibangun melalui viaduk, bukan via jalan tol.", []),
        ("Hal itu dilansir dari laman Kompas.com, Selasa.", ["Kompas.com"]),
        ("Putin tiba di Pyongyang. Reuters, BBC dan AP tidak disebut sebagai sumber.", []),
        ("menurut AP, tersangka AP ditangkap.", ["AP"]),
        ("menurut warga, tersangka AP ditangkap di rumahnya.", []),
        ("Sumber daya alam dikelola oleh BBC.", []),
        ("Ia bertemu antara lain dengan menteri, menurut antara sumber.", []),
    ],
)
def test_find_cited_sources(text, expected):
    assert sources.find_cited_sources(text) == expected


def test_find_cited_sources_on_the_seeds():
    assert sources.find_cited_sources(SEEDS["001"]) == ["BBC"]
    assert "The Guardian" in sources.find_cited_sources(SEEDS["002"])
    assert sources.find_cited_sources(SEEDS["003"]) == ["KCNA", "Reuters"]
    assert sources.find_cited_sources(SEEDS["004"]) == ["Reuters"]


def test_an_outlet_does_not_cite_itself():
    assert sources.find_cited_sources(SEEDS["000"]) == ["KBS"]
    assert sources.find_cited_sources(SEEDS["000"], outlet="KBS World Indonesia") == []
    assert sources.find_cited_sources("kata dia kepada ANTARA, dikutip BBC.", outlet="ANTARA") == ["BBC"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("Dikutip dari Reuters", [(2, "kutip")]),
        ("“MENGUTIP” CNN – via AP", [(1, "mengutip"), (17, "via")]),  # offsets past non-Latin-1 quotes
        ("Él dilansir", [(5, "lansir")]),
        ("\u212aUTIP x", [(0, "kutip")]),  # the Kelvin sign lowers to "k"
        ("D\u0130KUTIP", [(2, "kutip")]),  # "İ" lowers to two characters: offsets stay the text's
        ("?ia ??? via", [(8, "via")]),  # "?" stands for nothing but itself
    ],
)
def test_cue_hits_are_case_insensitive_with_the_text_offsets(text, expected):
    from warta.sources import _citations, _cue_hits_in

    assert _cue_hits_in(text, _citations()) == expected
