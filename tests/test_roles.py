"""Roles in a sentence (warta.sentiment.roles): who is sanctioned, who sanctions, who won, who lost."""
from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pytest

from warta.sentiment.roles import NON_PLAYING_KINDS, ROLES, load_role_words, role_scores, sentence_roles


def spans(text: str, names: list[str]) -> list[tuple[int, int, str, str]]:
    """Mentions of ``names`` ("Name" or "Name/TYPE", PER by default) at their first place in ``text``."""
    found = []
    for entry in names:
        name, _, kind = entry.partition("/")
        start = text.index(name)
        found.append((start, start + len(name), name, kind or "PER"))
    return found


@pytest.mark.parametrize("text, names, expected", [
    # Sanctions, active: the agent before the verb, every sanctioned actor after it.
    ("Polisi menangkap Budi Santoso, pelaku pencurian motor.", ["Budi Santoso"], {"Budi Santoso": "culprit"}),
    ("KPK menahan mantan Bupati Bogor Rachmat Yasin.", ["KPK/ORG", "Bogor/LOC", "Rachmat Yasin"],
     {"KPK": "agent", "Rachmat Yasin": "culprit"}),
    ("Kejaksaan Agung menahan Harvey Moeis dan Helena Lim terkait kasus PT Timah.",
     ["Kejaksaan Agung/ORG", "Harvey Moeis", "Helena Lim", "PT Timah/ORG"],
     {"Kejaksaan Agung": "agent", "Harvey Moeis": "culprit", "Helena Lim": "culprit"}),
    ("Hakim menjatuhkan hukuman 20 tahun penjara kepada Ferdy Sambo.", ["Ferdy Sambo"], {"Ferdy Sambo": "culprit"}),
    # A comma or point inside a number ends no clause.
    ("Hakim menjatuhkan hukuman 2,5 tahun penjara kepada Ferdy Sambo.", ["Ferdy Sambo"], {"Ferdy Sambo": "culprit"}),
    ("Polda Metro Jaya membekuk tiga pelaku begal di Depok.", ["Polda Metro Jaya/ORG", "Depok/LOC"],
     {"Polda Metro Jaya": "agent", "Depok": "afflicted"}),
    ("Mario Dandy ditahan di Rutan Polda Metro Jaya.", ["Mario Dandy", "Polda Metro Jaya/ORG"],
     {"Mario Dandy": "culprit"}),
    # Passive: the sanctioned before the verb, the agent after it.
    ("Rachmat Yasin ditangkap KPK dalam operasi tangkap tangan.", ["Rachmat Yasin", "KPK/ORG"],
     {"Rachmat Yasin": "culprit", "KPK": "agent"}),
    ("Terdakwa Ahmad divonis 5 tahun penjara oleh Pengadilan Negeri Bogor.", ["Ahmad", "Pengadilan Negeri Bogor/ORG"],
     {"Ahmad": "culprit", "Pengadilan Negeri Bogor": "agent"}),
    ("Pengacara Budi mengatakan kliennya ditahan.", ["Budi"], {}),
    # Arrests and prison terms are a person's; an organisation before them is no culprit.
    ("Petugas bagasi maskapai Qantas dipenjara dua tahun.", ["Qantas/ORG"], {}),
    ("Keputusan ini ditindak lanjuti oleh BATAN.", ["BATAN/ORG"], {}),
    # Verbs that sanction only with a culprit word after them.
    ("KPK menetapkan Juliari Batubara sebagai tersangka korupsi bansos.", ["KPK/ORG", "Juliari Batubara"],
     {"KPK": "agent", "Juliari Batubara": "culprit"}),
    ("Pemprov DKI menetapkan UMP 2025 sebesar Rp5,3 juta.", ["Pemprov DKI/ORG"], {}),
    ("Firli Bahuri diperiksa penyidik Polda Metro Jaya sebagai tersangka pemerasan.",
     ["Firli Bahuri", "Polda Metro Jaya/ORG"], {"Firli Bahuri": "culprit", "Polda Metro Jaya": "agent"}),
    ("KPK menetapkan bupati itu sebagai tersangka suap.", ["KPK/ORG"], {"KPK": "agent"}),
    ("KPK memanggil mantan menteri sebagai saksi.", ["KPK/ORG"], {}),
    # A person-only arrest word.
    ("Polisi mengamankan Rizky Pratama yang menganiaya pelajar.", ["Rizky Pratama"], {"Rizky Pratama": "culprit"}),
    ("Polisi mengamankan laga Persija di GBK.", ["Persija/ORG", "GBK/LOC"], {}),
    # Accusations: the one named before is accused; "diduga" alone accuses no one.
    ("Bupati Budi Santoso diduga menerima suap proyek jalan.", ["Budi Santoso"], {"Budi Santoso": "culprit"}),
    ("PT Indo Kimia tersandung kasus pencemaran sungai.", ["PT Indo Kimia/ORG"], {"PT Indo Kimia": "culprit"}),
    ("Budi Santoso diduga tewas tenggelam.", ["Budi Santoso"], {}),
    # Culprit words: before the name, after it and a comma, after "sebagai".
    ("Tersangka Rudi Hartono mengaku menipu jemaah.", ["Rudi Hartono"], {"Rudi Hartono": "culprit"}),
    ("Buronan kasus BLBI Samadikun Hartono dipulangkan.", ["Samadikun Hartono"], {"Samadikun Hartono": "culprit"}),
    ("Andi Wijaya, seorang bandar narkoba, dibekuk di Medan.", ["Andi Wijaya", "Medan/LOC"], {"Andi Wijaya": "culprit"}),
    ("Polisi menetapkan Ahmad Fauzi sebagai tersangka pembunuhan Yosua Hutabarat.", ["Ahmad Fauzi", "Yosua Hutabarat"],
     {"Ahmad Fauzi": "culprit"}),
    ("Kuasa hukum tersangka, Maqdir Ismail, membantah tuduhan itu.", ["Maqdir Ismail"], {}),
    ("Kadin mengajak pelaku usaha Bandung menembus pasar ekspor.", ["Kadin/ORG", "Bandung/LOC"], {}),
    ("Warga Bandar Lampung memadati pasar.", ["Bandar Lampung/LOC"], {}),
    ("Dalang terkenal Ki Enthus Susmono tinggal di Tegal.", ["Ki Enthus Susmono", "Tegal/LOC"], {}),
    # A witness is no culprit, even where the check names one.
    ("KPK memeriksa Budi Santoso sebagai saksi untuk tersangka Andi Wijaya.", ["KPK/ORG", "Budi Santoso", "Andi Wijaya"],
     {"KPK": "agent", "Budi Santoso": "witness", "Andi Wijaya": "culprit"}),
    # Acquittals and releases: the freed prevail; being relieved of a post is no release.
    ("Hakim memvonis bebas Ronald Tannur.", ["Ronald Tannur"], {"Ronald Tannur": "winner"}),
    ("Pengadilan Negeri Surabaya menjatuhkan vonis bebas kepada Ronald Tannur.",
     ["Pengadilan Negeri Surabaya/ORG", "Ronald Tannur"],
     {"Pengadilan Negeri Surabaya": "judge", "Ronald Tannur": "winner"}),
    ("Pegi Setiawan dibebaskan oleh pengadilan.", ["Pegi Setiawan"], {"Pegi Setiawan": "winner"}),
    ("Ahmad Fauzi divonis bebas.", ["Ahmad Fauzi"], {"Ahmad Fauzi": "winner"}),
    ("Budi Santoso dibebaskan dari jabatannya.", ["Budi Santoso"], {}),
    # A licence revoked or frozen sanctions its holder.
    ("OJK mencabut izin usaha PT Asuransi Jiwa Kresna.", ["OJK/ORG", "PT Asuransi Jiwa Kresna/ORG"],
     {"OJK": "agent", "PT Asuransi Jiwa Kresna": "culprit"}),
    # Sources tell the news; a firm's own report is about it.
    ("Data BPS menunjukkan inflasi naik.", ["BPS/ORG"], {"BPS": "source"}),
    ("Tiga orang dieksekusi, lapor kantor berita Xinhua.", ["Xinhua/ORG"], {"Xinhua": "source"}),
    ("Dari situs WHO dan CDC, infeksi itu menyebar cepat.", ["WHO/ORG", "CDC/ORG"], {"WHO": "source", "CDC": "source"}),
    ("Laporan keuangan Garuda Indonesia mencatat rugi.", ["Garuda Indonesia/ORG"], {}),
    ("Fosil itu ditemukan di situs Sangiran.", ["Sangiran/LOC"], {}),
    # Rulings: the court decides, the claimant loses or wins.
    ("Mahkamah Konstitusi menolak gugatan Partai Buruh.", ["Mahkamah Konstitusi/ORG", "Partai Buruh/ORG"],
     {"Mahkamah Konstitusi": "judge", "Partai Buruh": "loser"}),
    ("Mahkamah Agung mengabulkan kasasi PT Garuda Indonesia.", ["Mahkamah Agung/ORG", "PT Garuda Indonesia/ORG"],
     {"Mahkamah Agung": "judge", "PT Garuda Indonesia": "winner"}),
    ("Warga menolak relokasi yang diusulkan Pemprov Jawa Barat.", ["Pemprov Jawa Barat/ORG"], {}),
    # The party a claim was brought against takes the other side of the ruling.
    ("Pengadilan mengabulkan gugatan Partai Prima terhadap KPU.", ["Partai Prima/ORG", "KPU/ORG"],
     {"Partai Prima": "winner", "KPU": "loser"}),
    ("Mahkamah Konstitusi mengabulkan sebagian gugatan Partai Gelora.",  # a word inside the phrase
     ["Mahkamah Konstitusi/ORG", "Partai Gelora/ORG"], {"Mahkamah Konstitusi": "judge", "Partai Gelora": "winner"}),
    ("MK menolak gugatan Partai Buruh terhadap DPR.", ["MK/ORG", "Partai Buruh/ORG", "DPR/ORG"],
     {"MK": "judge", "Partai Buruh": "loser", "DPR": "winner"}),
    # Contests: countries are sides; a draw and a fallen tree are no contest.
    ("Timnas Indonesia menang 2-0 atas Vietnam di Stadion GBK.", ["Timnas Indonesia/ORG", "Vietnam/LOC", "GBK/LOC"],
     {"Timnas Indonesia": "winner", "Vietnam": "loser"}),
    ("Persib kalah 0-3 dari Persija.", ["Persib/ORG", "Persija/ORG"], {"Persib": "loser", "Persija": "winner"}),
    ("Timnas Indonesia menahan imbang Vietnam.", ["Timnas Indonesia/ORG", "Vietnam/LOC"], {}),
    ("Pohon besar di Kebun Raya Bogor tumbang.", ["Kebun Raya Bogor/LOC"], {}),
    # Aid: the giver helps; the disaster is not theirs.
    ("Gubernur Ridwan Kamil membagikan bantuan kepada korban banjir.", ["Ridwan Kamil"], {"Ridwan Kamil": "helper"}),
    # Visits comfort victims; a visit to a disaster's site takes none of its badness; others play no part.
    ("Presiden Joko Widodo mengunjungi pengungsi erupsi Gunung Ruang.", ["Joko Widodo", "Gunung Ruang/LOC"],
     {"Joko Widodo": "helper", "Gunung Ruang": "afflicted"}),
    ("Gubernur Dedi Mulyadi meninjau lokasi longsor di Bogor.", ["Dedi Mulyadi", "Bogor/LOC"],
     {"Dedi Mulyadi": "visitor", "Bogor": "afflicted"}),  # a disaster's site: none of its badness, nor help
    ("Menteri Budi Santoso mengunjungi pabrik mobil di Karawang.", ["Budi Santoso", "Karawang/LOC"], {}),
    # Teams sent to a disaster help; a team of investigators plays no part.
    ("Kementerian Kesehatan mengirimkan tim medis ke lokasi gempa Cianjur.",
     ["Kementerian Kesehatan/ORG", "Cianjur/LOC"], {"Kementerian Kesehatan": "helper", "Cianjur": "afflicted"}),
    ("KPK mengirimkan tim penyidik ke Sidoarjo.", ["KPK/ORG", "Sidoarjo/LOC"], {}),
    # Fines and dismissals sanction; the body after a passive one is its agent.
    ("Apple didenda 1,8 miliar euro oleh Komisi Eropa.", ["Apple/ORG", "Komisi Eropa/ORG"],
     {"Apple": "culprit", "Komisi Eropa": "agent"}),
    ("Ketua KPU Hasyim Asy'ari diberhentikan DKPP karena pelanggaran etik.", ["Hasyim Asy'ari", "DKPP/ORG"],
     {"Hasyim Asy'ari": "culprit", "DKPP": "agent"}),
    # A culprit word heads the name between the next commas, where it opens its clause or not.
    ("Tersangka pembunuhan, Rudi Hartono, mengaku menyesal.", ["Rudi Hartono"], {"Rudi Hartono": "culprit"}),
    ("Tersangka korupsi tol, Djoko Dwijono, mengaku tidak bersalah.", ["Djoko Dwijono"], {"Djoko Dwijono": "culprit"}),
    ("Kejaksaan Agung menyita aset milik tersangka korupsi timah, Helena Lim, di Jakarta Utara.",
     ["Kejaksaan Agung/ORG", "Helena Lim", "Jakarta Utara/LOC"], {"Kejaksaan Agung": "agent", "Helena Lim": "culprit"}),
    ("Tersangka kabur, Budi Santoso mengejarnya.", ["Budi Santoso"], {}),
    # A voided charge is its suspect's win.
    ("Hakim memutuskan penetapan tersangka Pegi Setiawan tidak sah.", ["Pegi Setiawan"], {"Pegi Setiawan": "winner"}),
    # Goals: who scores wins, the side whose goal it was loses; "X, Name, verb" names the subject.
    ("Pemain Persib, David da Silva, mencetak dua gol ke gawang Persija.", ["Persib/ORG", "David da Silva", "Persija/ORG"],
     {"David da Silva": "winner", "Persija": "loser"}),
    ("Marselino Ferdinan membobol gawang Vietnam.", ["Marselino Ferdinan", "Vietnam/LOC"],
     {"Marselino Ferdinan": "winner", "Vietnam": "loser"}),
    ("Bank Mandiri mencetak laba Rp 20 triliun.", ["Bank Mandiri/ORG"], {}),
    ("Kiper Persija menjaga gawang Persija.", ["Persija/ORG"], {}),
    # A prosecution's appeal is brought against the accused; a heavier sentence sanctions.
    ("Mahkamah Agung mengabulkan kasasi jaksa dalam perkara Harvey Moeis.", ["Mahkamah Agung/ORG", "Harvey Moeis"],
     {"Mahkamah Agung": "judge", "Harvey Moeis": "loser"}),
    ("Hakim menolak banding JPU atas vonis Ronald Tannur.", ["Ronald Tannur"], {"Ronald Tannur": "winner"}),
    ("MA mengabulkan kasasi Harvey Moeis.", ["MA/ORG", "Harvey Moeis"], {"MA": "judge", "Harvey Moeis": "winner"}),
    ("Hakim memperberat hukuman Harvey Moeis menjadi 20 tahun.", ["Harvey Moeis"], {"Harvey Moeis": "culprit"}),
    ("Kejagung menyita aset dalam kasus PT Timah.", ["Kejagung/ORG", "PT Timah/ORG"], {"Kejagung": "agent"}),
    # An acquittal frees the accused its culprit word names.
    ("Hakim membebaskan terdakwa Rahmat dari seluruh dakwaan.", ["Rahmat"], {"Rahmat": "winner"}),
    ("Hakim menjatuhkan vonis bebas kepada terdakwa Rahmat.", ["Rahmat"], {"Rahmat": "winner"}),
    ("Hakim membebaskan Budi Santoso, lalu menghukum terdakwa Rahmat.", ["Budi Santoso", "Rahmat"],
     {"Budi Santoso": "winner", "Rahmat": "culprit"}),
    # Shelters built for victims help; a plant built plays no part.
    ("Pemkab Cianjur membangun hunian sementara bagi korban gempa.", ["Pemkab Cianjur/ORG"],
     {"Pemkab Cianjur": "helper"}),
    ("PT Freeport membangun smelter di Gresik.", ["PT Freeport/ORG", "Gresik/LOC"], {}),
    # Criticism: the target reads badly, the critic (and who urges or asks) takes none of the badness.
    ("ICW mengkritik DPR yang merevisi UU KPK secara diam-diam.", ["ICW/ORG", "DPR/ORG", "UU KPK/ORG"],
     {"ICW": "critic", "DPR": "target"}),
    ("Bobby Nasution dikritik warga karena jalan rusak.", ["Bobby Nasution"], {"Bobby Nasution": "target"}),
    ("Ketua DPR Puan Maharani meminta pemerintah mengevaluasi program itu setelah ratusan siswa keracunan.",
     ["Puan Maharani"], {"Puan Maharani": "requester"}),
    ("Gubernur Anwar Hafid meminta perusahaan tambang memperbaiki jalan yang rusak.", ["Anwar Hafid"],
     {"Anwar Hafid": "requester"}),
    ("Menteri Budi Arie meminta maaf atas gangguan layanan.", ["Budi Arie"], {}),
    # A rogue member shames the body named after it; victims found are help.
    ("Polisi membongkar sindikat yang melibatkan oknum pegawai Komdigi.", ["Komdigi/ORG"], {"Komdigi": "culprit"}),
    ("Basarnas menemukan tiga korban kapal tenggelam.", ["Basarnas/ORG"], {"Basarnas": "helper"}),
    ("Tim Basarnas menemukan pendaki yang hilang dalam keadaan selamat.", ["Basarnas/ORG"], {"Basarnas": "helper"}),
    ("Polisi menemukan beras oplosan di gudang PT Sumber Jaya.", ["PT Sumber Jaya/ORG"], {}),
    # A place a disaster or its victims are named in is afflicted, even where relief is the news.
    ("Gubernur Ahmad Luthfi menyalurkan bantuan kepada korban banjir di Pekalongan.",
     ["Ahmad Luthfi", "Pekalongan/LOC"], {"Ahmad Luthfi": "helper", "Pekalongan": "afflicted"}),
    ("Kemensos mengirimkan bantuan logistik ke lokasi gempa di Cianjur.", ["Kemensos/ORG", "Cianjur/LOC"],
     {"Kemensos": "helper", "Cianjur": "afflicted"}),
    ("Gubernur mengunjungi korban banjir yang mengungsi di Bekasi.", ["Bekasi/LOC"], {}),  # past "yang"
    # Not a drill's disaster, nor a place named past a word that is no place noun.
    ("BNPB membagikan bantuan saat simulasi gempa di Padang.", ["BNPB/ORG", "Padang/LOC"], {"BNPB": "helper"}),
    ("BNPB membagikan pelampung tsunami buatan Indonesia.", ["BNPB/ORG", "Indonesia/LOC"], {"BNPB": "helper"}),
    # More contests: a side knocked out or outrun.
    ("Timnas Indonesia U-23 menyingkirkan Korea Selatan lewat adu penalti.",
     ["Timnas Indonesia U-23/ORG", "Korea Selatan/LOC"], {"Timnas Indonesia U-23": "winner", "Korea Selatan": "loser"}),
    ("Marc Marquez mengungguli Francesco Bagnaia di Mandalika.", ["Marc Marquez", "Francesco Bagnaia", "Mandalika/LOC"],
     {"Marc Marquez": "winner", "Francesco Bagnaia": "loser"}),
    ("Persib tersingkir dari Liga Champions Asia.", ["Persib/ORG"], {"Persib": "loser"}),
    ("Vietnam menyalip Indonesia dalam jumlah kunjungan wisatawan.", ["Vietnam/LOC", "Indonesia/LOC"],
     {"Vietnam": "winner", "Indonesia": "loser"}),
    ("Ridwan Kamil mengakui kekalahan dan memberi selamat kepada pemenang.", ["Ridwan Kamil"],
     {"Ridwan Kamil": "loser"}),
    # Troops deployed to a disaster help; a reprimand sanctions.
    ("TNI mengerahkan 1.000 prajurit untuk membantu korban banjir.", ["TNI/ORG"], {"TNI": "helper"}),
    ("KPI menegur stasiun televisi itu.", ["KPI/ORG"], {"KPI": "agent"}),
    # Clemency frees as an acquittal does; drawing criticism makes a target; repatriating victims helps.
    ("Presiden Prabowo memberikan amnesti kepada Hasto Kristiyanto.", ["Prabowo", "Hasto Kristiyanto"],
     {"Prabowo": "judge", "Hasto Kristiyanto": "winner"}),
    ("Menteri Kebudayaan Fadli Zon menuai kritik karena pernyataannya.", ["Fadli Zon"], {"Fadli Zon": "target"}),
    # A prosecutor's demanded sentence sanctions the accused.
    ("Jaksa menuntut Syahrul Yasin Limpo 12 tahun penjara.", ["Syahrul Yasin Limpo"],
     {"Syahrul Yasin Limpo": "culprit"}),
    ("Karen Agustiawan dituntut 11 tahun penjara.", ["Karen Agustiawan"], {"Karen Agustiawan": "culprit"}),
    ("Kemenlu memulangkan 50 WNI korban perdagangan orang dari Kamboja.", ["Kemenlu/ORG", "Kamboja/LOC"],
     {"Kemenlu": "helper"}),
    ("Pengadilan Negeri Surabaya memvonis lepas Gregorius Ronald Tannur.",
     ["Pengadilan Negeri Surabaya/ORG", "Gregorius Ronald Tannur"],
     {"Pengadilan Negeri Surabaya": "judge", "Gregorius Ronald Tannur": "winner"}),
    # A fine handed down sanctions; restoring what an outage broke helps, restoring a rating does not.
    ("KPPU menjatuhkan denda kepada Google.", ["KPPU/ORG", "Google/ORG"], {"KPPU": "agent", "Google": "culprit"}),
    ("PLN memulihkan pasokan listrik di Bali setelah pemadaman total.", ["PLN/ORG", "Bali/LOC"], {"PLN": "helper"}),
    ("PLN memulihkan kepercayaan investor.", ["PLN/ORG"], {}),
    ("PLTU Suralaya dituding menjadi penyebab polusi udara di Banten.", ["PLTU Suralaya/ORG", "Banten/LOC"],
     {"PLTU Suralaya": "culprit"}),
    # A body recording cases tells the news, its own figures are its own; an accuser criticises;
    # goods sent for victims help.
    ("Kementerian Kesehatan mengonfirmasi kasus pertama cacar monyet di Jakarta.",
     ["Kementerian Kesehatan/ORG", "Jakarta/LOC"], {"Kementerian Kesehatan": "source"}),
    ("Unilever Indonesia mencatat penurunan laba bersih.", ["Unilever Indonesia/ORG"], {}),
    ("Pengacara Hotman Paris melaporkan dugaan malapraktik ke Polda Metro Jaya.",
     ["Hotman Paris/PER", "Polda Metro Jaya/ORG"], {"Hotman Paris": "source"}),  # a complaint filed
    ("Greenpeace menuding PT Asia Pulp & Paper merusak hutan gambut.", ["Greenpeace/ORG", "PT Asia Pulp & Paper/ORG"],
     {"Greenpeace": "critic", "PT Asia Pulp & Paper": "target"}),
    # A lawsuit is a criticism; the court it goes to, and whoever is listed with it, is no target.
    ("Walhi menggugat PT Semen Indonesia atas dugaan pencemaran.", ["Walhi/ORG", "PT Semen Indonesia/ORG"],
     {"Walhi": "critic", "PT Semen Indonesia": "target"}),
    ("Prabowo menggugat ke Mahkamah Konstitusi dan Dewan Kehormatan Penyelenggara Pemilu.",
     ["Prabowo/PER", "Mahkamah Konstitusi/ORG", "Dewan Kehormatan Penyelenggara Pemilu/ORG"], {"Prabowo": "critic"}),
    ("Lion Air digugat penumpang karena bagasi hilang.", ["Lion Air/ORG"], {"Lion Air": "target"}),
    # Closing what breaks the rules is enforcement; a closure for a landslide plays no part.
    ("Bupati Bogor Rudy Susmanto menutup tempat wisata di Puncak yang melanggar tata ruang.",
     ["Rudy Susmanto/PER", "Puncak/LOC"], {"Rudy Susmanto": "agent", "Puncak": "afflicted"}),
    ("Pemkab Sleman menutup objek wisata Tebing Breksi karena longsor.", ["Pemkab Sleman/ORG", "Tebing Breksi/LOC"],
     {}),
    ("Pemerintah Kabupaten Bogor merobohkan bangunan liar di kawasan Puncak.",
     ["Pemerintah Kabupaten Bogor/ORG", "Puncak/LOC"], {"Pemerintah Kabupaten Bogor": "agent", "Puncak": "afflicted"}),
    ("Angin kencang merobohkan pohon di Kota Bogor.", ["Kota Bogor/LOC"], {}),
    # Where an agent acted against a crime is the crime's scene: the bust is no good news for it.
    ("Bareskrim Polri menangkap pemilik situs judi online di Batam.", ["Bareskrim Polri/ORG", "Batam/LOC"],
     {"Bareskrim Polri": "agent", "Batam": "afflicted"}),
    # A waiver frees no one: its giver is no judge; freeing hostages is a rescue.
    ("TNI membebaskan sandera pilot Susi Air di Nduga.", ["TNI/ORG", "Susi Air/ORG", "Nduga/LOC"],
     {"TNI": "helper"}),
    ("Pemerintah Kabupaten Badung membebaskan biaya berobat bagi seluruh warganya.",
     ["Pemerintah Kabupaten Badung/ORG"], {}),
    # Finding wrongs or investigating an incident is a record, as recording incidents is.
    ("KNKT menyelidiki penyebab kecelakaan pesawat Jeju Air.", ["KNKT/ORG", "Jeju Air/ORG"], {"KNKT": "source"}),
    ("BPOM menemukan ribuan kosmetik ilegal di Makassar.", ["BPOM/ORG", "Makassar/LOC"], {"BPOM": "source"}),
    # Letting staff go is a layoff, not a sanction, unless they broke a rule.
    ("Tokopedia memecat ratusan karyawan setelah merger dengan TikTok.", ["Tokopedia/ORG", "TikTok/ORG"], {}),
    ("Gojek memberhentikan 600 pekerja.", ["Gojek/ORG"], {}),
    ("PT KAI memecat karyawan yang terlibat pungli.", ["PT KAI/ORG"], {"PT KAI": "agent"}),
    ("Kapolri memecat tiga anggota polisi yang terlibat pemerasan.", ["Kapolri/PER"], {"Kapolri": "agent"}),
    # Who refuses peace reads badly though it voices the refusal; other refusals play no part.
    ("Israel menolak seruan gencatan senjata dari Dewan Keamanan PBB.", ["Israel/LOC", "Dewan Keamanan PBB/ORG"],
     {"Israel": "culprit"}),
    ("Partai Buruh menolak Undang-Undang Cipta Kerja.", ["Partai Buruh/ORG"], {}),
    # A country that sanctions acts as an agency does.
    ("Amerika Serikat menjatuhkan sanksi kepada pejabat Myanmar.", ["Amerika Serikat/LOC", "Myanmar/LOC"],
     {"Amerika Serikat": "agent"}),
    ("Singapura mengekstradisi buronan kasus korupsi Paulus Tannos ke Indonesia.",
     ["Singapura/LOC", "Paulus Tannos/PER", "Indonesia/LOC"], {"Singapura": "agent", "Paulus Tannos": "culprit"}),
    ("Warga Kabupaten Pati menuntut Bupati Sudewo mundur.", ["Kabupaten Pati/LOC", "Sudewo/PER"],
     {"Sudewo": "culprit"}),  # residents demanding are no prosecutor
    ("Pemprov Sumbar mengirimkan 50 ton beras untuk korban banjir bandang.", ["Pemprov Sumbar/ORG"],
     {"Pemprov Sumbar": "helper"}),
    ("KPK mengirimkan surat panggilan kepada Bupati.", ["KPK/ORG"], {}),
    # A watchdog's finding records; handing over compensation to victims helps, and names where the disaster struck.
    ("Ombudsman menemukan pungutan liar dalam pelayanan SIM di Polres Jakarta Timur.",
     ["Ombudsman/ORG", "Polres Jakarta Timur/ORG"], {"Ombudsman": "source"}),
    ("Bupati Thoriqul Haq menyerahkan santunan kepada keluarga korban erupsi Semeru.",
     ["Thoriqul Haq", "Semeru/LOC"], {"Thoriqul Haq": "helper", "Semeru": "afflicted"}),
    # Reported for a wrong is accused; revoking a legal status sanctions.
    ("Taman Safari Indonesia dilaporkan atas dugaan eksploitasi.", ["Taman Safari Indonesia/ORG"],
     {"Taman Safari Indonesia": "culprit"}),
    # A win or a defeat named as a noun; a trouncing; cleaning up after a flood helps.
    ("Kemenangan Persija atas Persib di Stadion Jakarta International Stadium disambut meriah.",
     ["Persija/ORG", "Persib/ORG", "Stadion Jakarta International Stadium/LOC"], {"Persija": "winner", "Persib": "loser"}),
    ("Kekalahan Persib dari Persija membuat pelatih dipecat.", ["Persib/ORG", "Persija/ORG"],
     {"Persib": "loser", "Persija": "winner"}),
    ("Timnas Jepang menghajar Timnas Indonesia 6-0.", ["Timnas Jepang/ORG", "Timnas Indonesia/ORG"],
     {"Timnas Jepang": "winner", "Timnas Indonesia": "loser"}),
    ("Pemkab Klaten membersihkan sisa lumpur di rumah warga yang terdampak banjir.", ["Pemkab Klaten/ORG"],
     {"Pemkab Klaten": "helper"}),
    # Shooting dead a culprit sanctions, shooting dead a student does not; a charity concert for victims helps.
    ("Polres Gowa menembak mati dua pelaku begal.", ["Polres Gowa/ORG"], {"Polres Gowa": "agent"}),
    ("Polres Gowa menembak mati seorang pelajar.", ["Polres Gowa/ORG"], {}),
    ("Denny Caknan menggelar konser amal untuk korban banjir.", ["Denny Caknan"], {"Denny Caknan": "helper"}),
    # A warning issued is a record.
    ("BMKG mengeluarkan peringatan dini cuaca ekstrem untuk Jawa Barat.", ["BMKG/ORG", "Jawa Barat/LOC"],
     {"BMKG": "source"}),
    # Finding wrongs, not victims, records them.
    ("Bawaslu menemukan ribuan pelanggaran netralitas ASN selama kampanye.", ["Bawaslu/ORG"], {"Bawaslu": "source"}),
    # A donation to victims helps.
    ("Krisdayanti menyumbangkan gajinya untuk korban gempa Cianjur.", ["Krisdayanti", "Cianjur/LOC"],
     {"Krisdayanti": "helper", "Cianjur": "afflicted"}),
    # A fatwa is a ruling body's judgement, as criticism is.
    ("MUI mengeluarkan fatwa haram terhadap produk yang mendukung agresi Israel.", ["MUI/ORG", "Israel/LOC"],
     {"MUI": "critic"}),
    # A protest at someone targets them; revoking a degree sanctions.
    ("Bobby Nasution didemo pengemudi angkot.", ["Bobby Nasution"], {"Bobby Nasution": "target"}),
    ("Universitas Negeri Semarang mencabut gelar doktor Budi Santoso.", ["Universitas Negeri Semarang/ORG", "Budi Santoso"],
     {"Universitas Negeri Semarang": "agent", "Budi Santoso": "culprit"}),
    ("Kementerian Hukum mencabut status badan hukum Yayasan Amanah.", ["Kementerian Hukum/ORG", "Yayasan Amanah/ORG"],
     {"Kementerian Hukum": "agent", "Yayasan Amanah": "culprit"}),
    # A verb after "dan" shares the subject of the verb before it.
    ("Timnas kalah telak 0-4 dari Jepang dan tersingkir dari turnamen.", ["Jepang/LOC"], {"Jepang": "winner"}),
    ("Persib dan Persija tersingkir dari turnamen.", ["Persib/ORG", "Persija/ORG"],
     {"Persib": "loser", "Persija": "loser"}),
    ("Menurut Haposan, Susno meminta uang ke Sjahril.", ["Susno", "Sjahril"], {}),
    # No role word: nothing is read.
    ("Presiden Joko Widodo meresmikan Bendungan Sadawarna.", ["Joko Widodo", "Bendungan Sadawarna/LOC"], {}),
    # English copy: the same parts, English marking the passive with a word of its own.
    ("Police arrested Andi Saputra for allegedly selling crystal meth in Makassar.", ["Andi Saputra", "Makassar/LOC"],
     {"Andi Saputra": "culprit", "Makassar": "afflicted"}),
    ("Andi Saputra was arrested by the Jakarta Police.", ["Andi Saputra", "Jakarta Police/ORG"],
     {"Andi Saputra": "culprit", "Jakarta Police": "agent"}),
    ("The court sentenced Harvey Moeis to 20 years in prison.", ["Harvey Moeis"], {"Harvey Moeis": "culprit"}),
    ("The KPK named Muhammad Adil a suspect in a bribery case.", ["KPK/ORG", "Muhammad Adil"],
     {"KPK": "agent", "Muhammad Adil": "culprit"}),
    ("Regent Ahmad Muhdlor Ali was named a suspect by the KPK.", ["Ahmad Muhdlor Ali", "KPK/ORG"],
     {"Ahmad Muhdlor Ali": "culprit", "KPK": "agent"}),
    ("The KPK questioned Ahmad Muhdlor Ali as a suspect.", ["KPK/ORG", "Ahmad Muhdlor Ali"],
     {"KPK": "agent", "Ahmad Muhdlor Ali": "culprit"}),
    ("The KPK questioned Ahmad Muhdlor Ali about the case.", ["KPK/ORG", "Ahmad Muhdlor Ali"], {}),  # no culprit word
    ("Gojek sacked 430 employees amid the slowdown.", ["Gojek/ORG"], {}),  # a layoff, not a sanction
    ("Police arrested 430 workers at the site.", ["Police/ORG"], {"Police": "agent"}),
    ("Indonesia beat Vietnam 2-0 in the ASEAN Championship.", ["Indonesia/LOC", "Vietnam/LOC"],
     {"Indonesia": "winner", "Vietnam": "loser"}),
    ("Persib Bandung lost to Persija Jakarta on Sunday.", ["Persib Bandung/ORG", "Persija Jakarta/ORG"],
     {"Persib Bandung": "loser", "Persija Jakarta": "winner"}),
    ("ICW criticized the House over the revision.", ["ICW/ORG", "House/ORG"], {"ICW": "critic", "House": "target"}),
    ("The governor distributed food aid to flood victims in Karawang.", ["Karawang/LOC"], {"Karawang": "afflicted"}),
])
def test_sentence_roles(text, names, expected):
    assert sentence_roles(text, spans(text, names)) == expected


def test_the_gate_finds_every_word_that_plays_a_part_and_nothing_else():
    words = load_role_words()
    playing = [word for word, kind in words.kinds.items() if kind not in NON_PLAYING_KINDS]
    # Any case; a source word only before a capital ("data BPS", not "data menunjukkan").
    texts = [f"Lalu {word.upper()} Indonesia terjadi." for word in playing]
    texts += ["Presiden meresmikan bendungan.", "Presiden memberikan hadiah.", "Presiden memberikan  bantuan.",
              "Kasus pembunuhan di bandara.", "Data menunjukkan itu.", "Menurut laporan kantor berita Xinhua, ...",
              "MK mengabulkan sebagian gugatan itu."]  # a filler inside a phrase
    found = pc.match_substring_regex(pa.array(texts), pattern=words.gate).to_pylist()
    assert found == [True] * len(playing) + [False, False, True, False, False, True, True]


@pytest.mark.parametrize("role, score, expected", [
    ("culprit", 0.6, -0.6), ("culprit", 0.0, -0.2), ("culprit", -0.9, -0.9),
    ("loser", 0.5, -0.5), ("winner", -0.1, 0.2), ("winner", 0.7, 0.7), ("helper", -0.8, 0.8),
    ("agent", -0.7, 0.0), ("agent", 0.4, 0.4), ("visitor", -0.6, 0.0), ("visitor", 0.3, 0.3),
    ("witness", -0.8, 0.0), ("source", 0.6, 0.0), (None, -0.3, -0.3),
    ("target", 0.5, -0.5), ("target", 0.0, -0.2), ("critic", -0.7, 0.0), ("critic", 0.3, 0.3),
    ("afflicted", 0.6, -0.6), ("requester", 0.5, 0.0), ("requester", -0.5, 0.0), ("judge", 0.6, 0.0),
    ("judge", -0.4, 0.0),
])
def test_role_scores(role, score, expected):
    code = ROLES.index(role) if role else -1
    assert role_scores(np.array([code]), np.array([score]), 0.2)[0] == pytest.approx(expected)
