from html_helpers import table_rows


def rows(soup):
    return table_rows(soup.select_one("table.team"))


def test_missing_null_or_empty_pronouns_say_not_given(soup, context):
    expected = [(s["name"], s.get("pronouns") or "not given") for s in context["team"]]
    assert [(row["Name"], row["Pronouns"]) for row in rows(soup)] == expected


def test_only_missing_late_days_say_not_given_and_zero_shows(soup, context):
    expected = [(s["name"], str(s.get("late_days", "not given"))) for s in context["team"]]
    assert [(row["Name"], row["Late days"]) for row in rows(soup)] == expected
    assert [row["Late days"] for row in rows(soup)].count("0") == 2


def test_a_github_account_is_a_link_only_when_given(soup, context):
    expected = [s.get("github", "no account given") for s in context["team"]]
    assert [row["GitHub"] for row in rows(soup)] == expected
    links = [f"https://github.com/{s['github']}" for s in context["team"] if "github" in s]
    assert [a["href"] for a in soup.select("table.team td > a[href]")] == links
    assert len(soup.select("table.team td.empty")) == len(context["team"]) - len(links)
