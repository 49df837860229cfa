"""Requests to web APIs and downloads whose file the caller names: not hard-coded data locations.

The dataset builder asks a search API for candidate images and the
releases API for the latest asset names; those are questions to a service,
not files to pin. The weight fetcher only fixes the mirror: which revision
and which file it downloads come from its caller. Nothing here is reported.
"""

import os

import requests
import torch

SEARCH_ENDPOINT = "https://api.images.example.com/v2/search"
WEIGHTS_MIRROR = "https://weights.example-cdn.net/releases"


def image_urls(query: str, api_key: str) -> list[str]:
    response = requests.get(SEARCH_ENDPOINT, params={"q": query}, headers={"X-Key": api_key}, timeout=30)
    response.raise_for_status()
    return [hit["contentUrl"] for hit in response.json()["value"]]


def release_assets(repository: str, tag: str) -> list[str]:
    response = requests.get(f"https://example.org/api/repos/{repository}/releases/{tag}", timeout=30)
    return [asset["name"] for asset in response.json()["assets"]]


def fetch_weights(revision: str, file_name: str, folder: str) -> torch.nn.Module:
    target = os.path.join(folder, file_name)
    if not os.path.exists(target):
        with open(target, "wb") as out:
            out.write(requests.get(os.path.join(WEIGHTS_MIRROR, revision, file_name), timeout=600).content)
    return torch.jit.load(target)
