def test_there_is_a_data_island(soup):
    island = soup.select_one("script#office-hours-data")
    assert island is not None  # a start: is it JSON? the same data as the context?
