"""Where an issue file comes from: paper and page from the manifest or the folder, dates in folder names."""
from datetime import date

import pytest

from gazette_text.pubdate import from_filename, publication_date
from gazette_text.sources import ManifestError, ManifestRow, manifest_row, paper_from_folder, read_manifest


def test_manifest_gives_paper_date_and_page_all_optional_but_file():
    manifest = read_manifest(
        "file,paper,published_on,page\n"
        "a.txt,临川晚报,2024-03-02,A3\n"
        "北岸/b.txt,,,\n"
        "c.txt,东山日报,,第02版\n"
    )
    assert manifest["a.txt"] == ManifestRow("临川晚报", date(2024, 3, 2), "A3")
    assert manifest["北岸/b.txt"] == ManifestRow()
    assert manifest["c.txt"] == ManifestRow("东山日报", None, "第02版")
    assert read_manifest("file,paper\nx.jsonl,东山日报\n")["x.jsonl"].paper == "东山日报"


def test_manifest_without_any_known_column_or_with_a_bad_date_is_refused():
    with pytest.raises(ManifestError, match="header"):
        read_manifest("file,editor\na.txt,x\n")
    with pytest.raises(ManifestError, match="line 3"):
        read_manifest("file,published_on\na.txt,2024-01-01\nb.txt,2024/01/02\n")


def test_manifest_names_a_file_by_its_path_or_its_bare_name():
    manifest = {"东山日报/a.txt": ManifestRow(page="A1"), "b.txt": ManifestRow(page="B2")}
    assert manifest_row(manifest, "东山日报/a.txt").page == "A1"
    assert manifest_row(manifest, "西岭日报/b.txt").page == "B2"
    assert manifest_row(manifest, "a.txt") == ManifestRow()


@pytest.mark.parametrize(
    "path, paper",
    [
        ("东山日报/2024-10-16.txt", "东山日报"),
        ("东山日报/2024/10/16/p1.txt", "东山日报"),
        ("2024/10/16/p1.txt", None),
        ("2024-10-16/p1.txt", None),
        ("p1.txt", None),
        ("records.jsonl", None),
    ],
)
def test_paper_is_the_first_folder_unless_it_is_a_date(path, paper):
    assert paper_from_folder(path) == paper


@pytest.mark.parametrize(
    "path, published",
    [
        ("2024/10/16/p1.txt", date(2024, 10, 16)),
        ("东山日报/2024-10-16/p1.txt", date(2024, 10, 16)),
        ("东山日报/2024/10/16/p1.txt", date(2024, 10, 16)),
        ("东山日报/20241016.txt", date(2024, 10, 16)),
        ("东山日报/2024/p1.txt", None),
    ],
)
def test_a_date_in_the_folders_counts_like_one_in_the_file_name(path, published):
    assert from_filename(path) == published
    if published:
        assert publication_date(path, "", []).source == "filename"
