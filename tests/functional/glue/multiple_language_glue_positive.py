"""Multiple-language glue: a demand-forecasting job that hands its steps to R, Spark and the JVM.

The aggregation runs as a Spark job, the seasonal model is fitted by an R
script, the legacy scorer is a Java jar, and two more bridges load R and Java
into this process. Every hand-over is reported at the call that makes it,
whether the program is named in a list, a shell string or a variable.
"""

import os
import subprocess

import jpype
import pandas as pd
from py4j.java_gateway import JavaGateway
from rpy2 import robjects
from rpy2.robjects.packages import importr

SPARK_JOB = "jobs/aggregate_sales.py"
SCORER_JAR = os.environ.get("SCORER_JAR", "lib/legacy-scorer-2.3.jar")


def aggregate_sales(day: str) -> pd.DataFrame:
    os.system(f"spark-submit --master yarn --deploy-mode cluster {SPARK_JOB} --day {day}")  # [multiple-language-glue]
    return pd.read_parquet(f"warehouse/daily_sales/day={day}")


def fit_seasonal_model(sales_path: str, forecast_path: str) -> pd.DataFrame:
    subprocess.run(["Rscript", "models/seasonal_fit.R", sales_path, forecast_path], check=True)  # [multiple-language-glue]
    return pd.read_csv(forecast_path, parse_dates=["week"])


def legacy_scores(features_path: str) -> pd.DataFrame:
    command = ["java", "-Xmx4g", "-jar", SCORER_JAR, "--input", features_path]
    output = subprocess.check_output(command, text=True)  # [multiple-language-glue]
    return pd.DataFrame([line.split(",") for line in output.splitlines()], columns=["sku", "score"])


def render_report() -> None:
    subprocess.run("cd reports && Rscript -e 'rmarkdown::render(\"weekly.Rmd\")'", shell=True, check=True)  # [multiple-language-glue]


def holiday_effects(country: str) -> pd.DataFrame:
    importr("prophet")  # [multiple-language-glue]
    robjects.r("source('models/holidays.R')")  # [multiple-language-glue]
    effects = robjects.globalenv["holiday_effects"]
    return pd.DataFrame(dict(zip(effects.names, list(effects))))


def start_scoring_gateway():
    jpype.startJVM(classpath=[SCORER_JAR])  # [multiple-language-glue]
    gateway = JavaGateway()  # [multiple-language-glue]
    return gateway.entry_point.getScorer()
