"""Look-alikes of multiple-language glue: subprocesses that run tooling, not another language.

Recording the git commit, building a container, pulling data with make or
DVC, listing exports and starting another Python training run are all part
of running one Python system. Checking whether ``Rscript`` is installed does
not run it. None of these is reported.
"""

import os
import shutil
import subprocess
import sys

import pandas as pd


def code_version() -> str:
    return subprocess.check_output(["git", "rev-parse", "--short", "HEAD"], text=True).strip()


def build_image(tag: str) -> None:
    subprocess.run(["docker", "build", "-t", tag, "."], check=True)


def fetch_raw_data(day: str) -> None:
    os.system("make data")
    subprocess.run(["dvc", "pull", "data/raw.dvc"], check=True)
    subprocess.run(f"gsutil -m cp -r gs://demand-exports/{day} data/raw/", shell=True, check=True)


def list_exports(folder: str) -> list[str]:
    return subprocess.check_output(["ls", "-1", folder], text=True).split()


def r_available() -> bool:
    return shutil.which("Rscript") is not None


def retrain(config_path: str) -> pd.DataFrame:
    subprocess.run([sys.executable, "-m", "forecast.train", "--config", config_path], check=True)
    return pd.read_json("reports/metrics.json", typ="series").to_frame("value")


def commits_touching_models() -> list[str]:
    log = subprocess.run(["git", "log", "--oneline", "--", "models/java_scorer"], capture_output=True, text=True)
    return log.stdout.splitlines()
