#!/usr/bin/env python3
"""The workbench's processing stages as a PySpark job (Spark 3.5, Iceberg's Spark runtime).

Three subcommands, each the Spark form of one embedded-engine stage of the C# library
(TickKernelExtensions.Processing), reading and writing the same Iceberg JDBC catalog and S3 warehouse:

  silver    lake.bronze.ticks  -> lake.silver.ticks (+ flags, session_date) and lake.silver.quality
            (C#: Processing.Cleaning.TickCleaner, TradingSessionRule, GapDetector, TickQualityReport)
  bars      lake.silver.ticks  -> lake.gold.bars_<timeframe> (or _<kind><threshold> for activity bars)
            (C#: Processing.Bars.TimeBarBuilder, TickBarBuilder, VolumeBarBuilder, DollarBarBuilder)
  features  lake.gold.bars_<label> -> lake.gold.features_<set>_v<version>
            (C#: Processing.Features.FeatureSetDefinition, FeatureSetCalculator and the IBarFeature kinds)

Every write replaces exactly the (symbol, day) partitions it produced (`overwritePartitions`), so a re-run of the
same range is idempotent. Defaults equal the C# options' defaults. docs/spark.md maps every step to its C# type and
lists where the results can differ (floating-point summation order, ties, ln/sin/cos in the last ulp).

Run through `pipeline spark submit <step> -- [job args]`, which adds the catalog, S3 and package settings, or:
  spark-submit --properties-file deploy/spark/spark-defaults.conf $TICK_SPARK_SECRETS \\
      deploy/spark/jobs/tick_pipeline.py silver --symbols EURUSD --from 2024-03-04 --to 2024-03-08

PySpark is imported inside the steps, so `--help` and the pure helpers work on a machine without Spark.
"""

from __future__ import annotations

import argparse
import bisect
import collections
import hashlib
import json
import math
import re
import sys
from datetime import date, datetime, time, timedelta, timezone

try:  # on every PySpark executor; optional here so --help and the pure helpers run without it
    import pandas as pd
except ImportError:  # pragma: no cover
    pd = None

# ---------------------------------------------------------------------------------------------------------------------
# Constants shared with the C# library
# ---------------------------------------------------------------------------------------------------------------------

MICROS_PER_DAY = 86_400_000_000
MAD_TO_SIGMA = 1.4826  # SpikeFilter.MadToSigma

# TickFlags (bit values of silver.ticks.flags)
FLAG_SPIKE = 1 << 0
FLAG_WIDE_SPREAD = 1 << 1
FLAG_CROSSED_QUOTE = 1 << 2
FLAG_DUPLICATE = 1 << 3
FLAG_AFTER_GAP = 1 << 4
FLAG_REORDERED = 1 << 5
FLAG_CLOSED_SESSION = 1 << 6
FLAG_STALE = 1 << 7
FLAG_NAMES = [
    ("spike", FLAG_SPIKE), ("wide_spread", FLAG_WIDE_SPREAD), ("crossed_quote", FLAG_CROSSED_QUOTE),
    ("duplicate", FLAG_DUPLICATE), ("after_gap", FLAG_AFTER_GAP), ("reordered", FLAG_REORDERED),
    ("closed_session", FLAG_CLOSED_SESSION), ("stale", FLAG_STALE),
]

# TickDropReason, in the order the cleaner tests them (a tick is dropped for its first reason)
DROP_REASONS = ["non_finite", "non_positive", "outside_day", "out_of_order", "crossed_quote", "duplicate_exact", "spike"]

# The workbench's table layouts (SilverTicks.Schema, SilverQuality.Schema, GoldSchemas.BarsSchema), column for column
SILVER_COLUMNS = ["symbol", "ts", "bid", "ask", "bid_volume", "ask_volume", "flags", "session_date"]
QUALITY_COLUMNS = (["symbol", "day", "input_ticks", "kept_ticks", "flagged_ticks", "dropped_ticks", "missing_gaps", "expected_gaps",
                    "missing_seconds", "first_tick", "last_tick"]
                   + ["dropped_" + r for r in DROP_REASONS] + ["flagged_" + name for name, _ in FLAG_NAMES])
BAR_COLUMNS = (["symbol", "open_time", "close_time", "tick_count"]
               + ["{}_{}".format(side, p) for side in ("bid", "ask", "mid") for p in ("open", "high", "low", "close")]
               + ["spread_mean", "spread_min", "spread_max", "bid_volume", "ask_volume"])

# FeatureSetDefinition.GoldCore: the default feature set (code_version names this job instead of the C# assembly)
GOLD_CORE = {
    "name": "gold-core",
    "version": 1,
    "code_version": "spark-tick-pipeline",
    "features": [
        {"kind": "log_return", "parameters": {"horizon": "1"}},
        {"kind": "log_return", "parameters": {"horizon": "5"}},
        {"kind": "log_return", "parameters": {"horizon": "15"}},
        {"kind": "realized_vol", "parameters": {"window": "15"}},
        {"kind": "realized_vol", "parameters": {"window": "60"}},
        {"kind": "spread_rel", "parameters": {}},
        {"kind": "spread_z", "parameters": {"window": "60"}},
        {"kind": "quote_imbalance", "parameters": {}},
        {"kind": "mid_z", "parameters": {"window": "60"}},
        {"kind": "ffd", "parameters": {"d": "0.4", "max_width": "10000", "threshold": "0.0001"}},
        {"kind": "time_of_day", "parameters": {}},
        {"kind": "session", "parameters": {"open": "17:00", "time_zone": "America/New_York"}},
    ],
}


# ---------------------------------------------------------------------------------------------------------------------
# Sessions (C#: Processing.Cleaning.TradingSessionRule) - pure Python, used on the executors inside the silver step
# ---------------------------------------------------------------------------------------------------------------------

class SessionRule:
    """Trading day D runs from `boundary` on D-1 to `boundary` on D, local time in `zone` (default New York 17:00);
    closed weekdays (default Saturday and Sunday sessions) and annual holidays (default 12-25 and 01-01) are closed."""

    def __init__(self, zone="America/New_York", boundary="17:00", closed_weekdays=(5, 6), holidays=("12-25", "01-01")):
        from zoneinfo import ZoneInfo  # Python 3.9+, on every Spark 3.5 Python

        self.zone = ZoneInfo(zone)
        self.boundary = time.fromisoformat(boundary)
        self.closed_weekdays = set(closed_weekdays)  # Python weekday(): Monday 0 ... Sunday 6
        self.holidays = {tuple(int(p) for p in h.split("-")) for h in holidays}

    @staticmethod
    def always_open():
        """TradingSessionRule.AlwaysOpen: UTC midnight boundary, every session open (crypto)."""
        return SessionRule(zone="UTC", boundary="00:00", closed_weekdays=(), holidays=())

    def session_date(self, micros):
        local = datetime(1970, 1, 1, tzinfo=timezone.utc) + timedelta(microseconds=micros)
        local = local.astimezone(self.zone)
        d = local.date()
        if self.boundary != time(0) and local.time().replace(tzinfo=None) >= self.boundary:
            d += timedelta(days=1)
        return d

    def session_bounds(self, session_date):
        start = session_date if self.boundary == time(0) else session_date - timedelta(days=1)
        return self._to_utc_micros(start), self._to_utc_micros(start + timedelta(days=1))

    def is_trading_day(self, session_date):
        return session_date.weekday() not in self.closed_weekdays and (session_date.month, session_date.day) not in self.holidays

    def open_micros_between(self, start, end):
        """Microseconds of [start, end) in trading sessions (C#: OpenMicrosBetween)."""
        total, t = 0, start
        while t < end:
            s = self.session_date(t)
            stop = min(self.session_bounds(s)[1], end)
            if self.is_trading_day(s):
                total += stop - t
            t = stop
        return total

    def _to_utc_micros(self, local_date):
        local = datetime.combine(local_date, self.boundary)
        # A boundary inside a spring-forward hole happens when the clocks jump (C# adds minutes until valid);
        # an ambiguous one is read as standard time (fold=1), as .NET's ConvertTimeToUtc does.
        while True:
            aware = local.replace(tzinfo=self.zone, fold=1)
            if aware.astimezone(timezone.utc).astimezone(self.zone).replace(tzinfo=None) == local:
                break
            local += timedelta(minutes=1)
        delta = aware.astimezone(timezone.utc) - datetime(1970, 1, 1, tzinfo=timezone.utc)
        return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


# ---------------------------------------------------------------------------------------------------------------------
# The sequential cleaning rules (C#: TickCleaner.Rules, SpikeFilter, RollingMedianWindow) - pure Python
# ---------------------------------------------------------------------------------------------------------------------

class RollingMedian:
    """The last `capacity` values, kept sorted too (C#: RollingMedianWindow)."""

    def __init__(self, capacity):
        self.capacity = capacity
        self.fifo = collections.deque()
        self.sorted = []

    def __len__(self):
        return len(self.fifo)

    def add(self, x):
        if len(self.fifo) == self.capacity:
            old = self.fifo.popleft()
            del self.sorted[bisect.bisect_left(self.sorted, old)]
        self.fifo.append(x)
        bisect.insort(self.sorted, x)

    def clear(self):
        self.fifo.clear()
        self.sorted = []

    def median(self):
        s, n = self.sorted, len(self.sorted)
        return s[n // 2] if n % 2 == 1 else (s[n // 2 - 1] + s[n // 2]) / 2

    def mad(self, median):
        d = sorted(abs(x - median) for x in self.sorted)
        n = len(d)
        return d[n // 2] if n % 2 == 1 else (d[n // 2 - 1] + d[n // 2]) / 2


class SpikeFilter:
    """Causal robust spike test on mids with re-anchoring (C#: SpikeFilter). Spikes never enter the window."""

    def __init__(self, window, min_samples, threshold, min_relative_scale, reanchor_after):
        self.window = RollingMedian(window)
        self.min_samples = min_samples
        self.k = threshold
        self.floor_scale = min_relative_scale
        self.reanchor_after = reanchor_after
        self.pending = []
        self.pending_side = 0
        self.reanchors = 0
        self.warm = False

    def is_spike(self, mid):
        # Only the stream's first window warms up unjudged; after a re-anchor the filter judges at once.
        if not self.warm:
            self.window.add(mid)
            self.warm = len(self.window) >= self.min_samples
            return False
        median = self.window.median()
        deviation = mid - median
        floor = self.floor_scale * abs(median)
        if abs(deviation) <= self.k * floor:
            limit = self.k * floor
        else:
            limit = self.k * max(MAD_TO_SIGMA * self.window.mad(median), floor)
        if abs(deviation) <= limit:
            self.window.add(mid)
            self.pending = []
            return False
        side = (deviation > 0) - (deviation < 0)
        if side != self.pending_side:
            self.pending = []
            self.pending_side = side
        if len(self.pending) == self.reanchor_after:
            self.pending.pop(0)
        self.pending.append(mid)
        if len(self.pending) < self.reanchor_after or max(self.pending) - min(self.pending) > limit:
            return True
        # The level really moved: restart the window from the agreeing outliers and accept the last one.
        self.window.clear()
        for p in self.pending:
            self.window.add(p)
        self.pending = []
        self.reanchors += 1
        return False


def clean_day(rows, day_start, options, sessions):
    """Cleans one symbol's ticks of one UTC day, as C# TickCleaner.CleanDay does for a day held whole.

    rows: list of (ts_us, bid, ask, bid_volume, ask_volume) in arrival order (bronze file and row position).
    Returns (sorted index, drop reason or None, flags, reanchored 0/1, gap_us, gap_open_us) per input row, in the
    cleaner's (stable timestamp) order, plus the trailing gap (gap_us, gap_open_us) or (None, None).
    """
    day_end = day_start + MICROS_PER_DAY
    min_gap = options["min_gap_us"]
    spikes = SpikeFilter(options["spike_window"], options["spike_min_samples"], options["spike_threshold"],
                         options["spike_min_relative_scale"], options["spike_reanchor_after"])
    spreads = RollingMedian(options["spike_window"])
    running_max, late = None, []
    for r in rows:  # Reordered: the tick arrived after a later one
        late.append(running_max is not None and r[0] < running_max)
        running_max = r[0] if running_max is None else max(running_max, r[0])
    order = sorted(range(len(rows)), key=lambda i: rows[i][0])  # Python's sort is stable, like the C# sort on (ts, index)

    out = []
    kept, last_ts, gap_last = 0, None, day_start
    last_bid, last_ask, quote_since = float("nan"), float("nan"), 0
    same_ts = set()
    session_end, session_start, session_open = None, None, True
    for i in order:
        t, bid, ask, bv, av = rows[i]
        reason, flag = None, FLAG_REORDERED if late[i] else 0
        reanchors_before = spikes.reanchors
        key = (bid, ask, None if bv != bv else bv, None if av != av else av)  # NaN volumes compare equal, as in C#
        if not (math.isfinite(bid) and math.isfinite(ask)):
            reason = "non_finite"
        elif bid <= 0 or ask <= 0:
            reason = "non_positive"
        elif t < day_start or t >= day_end:
            reason = "outside_day"
        elif kept > 0 and t < last_ts:
            reason = "out_of_order"
        else:
            if ask < bid:
                if options["crossed_quotes"] == "drop":
                    reason = "crossed_quote"
                flag |= FLAG_CROSSED_QUOTE
            if reason is None and kept > 0 and t == last_ts and key in same_ts:
                if options["duplicates"] == "drop":
                    reason = "duplicate_exact"
                flag |= FLAG_DUPLICATE
            # Crossed quotes and repeats never feed the windows: they would bend the median they are judged by.
            if reason is None and not flag & (FLAG_CROSSED_QUOTE | FLAG_DUPLICATE):
                if spikes.is_spike((bid + ask) / 2):
                    if options["spikes"] == "drop":
                        reason = "spike"
                    flag |= FLAG_SPIKE
                else:
                    spread = ask - bid
                    if len(spreads) >= options["spike_min_samples"]:
                        median = spreads.median()
                        if median > 0 and spread > options["wide_spread_multiple"] * median:
                            flag |= FLAG_WIDE_SPREAD
                    spreads.add(spread)
        reanchored = 1 if spikes.reanchors > reanchors_before else 0
        if reason is not None:
            out.append((i, reason, 0, 0, None, None))
            continue
        gap_us = gap_open = None
        if t - gap_last > min_gap:  # GapDetector.Observe, window starting at the day's start
            gap_us, gap_open = t - gap_last, sessions.open_micros_between(gap_last, t)
            flag |= FLAG_AFTER_GAP
        gap_last = max(gap_last, t)
        if session_end is None or t < session_start or t >= session_end:
            s = sessions.session_date(t)
            session_start, session_end = sessions.session_bounds(s)
            session_open = sessions.is_trading_day(s)
        if not session_open:
            flag |= FLAG_CLOSED_SESSION
        # Stale: the quote unchanged for over stale_after while ticks keep coming; after a gap the clock restarts.
        if bid != last_bid or ask != last_ask or flag & FLAG_AFTER_GAP:
            last_bid, last_ask, quote_since = bid, ask, t
        elif t - quote_since > options["stale_after_us"]:
            flag |= FLAG_STALE
        if t != last_ts:
            same_ts = set()
        same_ts.add(key)
        last_ts = t
        kept += 1
        out.append((i, None, flag, reanchored, gap_us, gap_open))
    trailing = (None, None)
    if day_end - gap_last > min_gap:  # GapDetector.Complete(dayEnd)
        trailing = (day_end - gap_last, sessions.open_micros_between(gap_last, day_end))
    return out, trailing


# ---------------------------------------------------------------------------------------------------------------------
# Feature-set helpers (C#: FeatureSetDefinition, FeatureSpec, FracDiffFeature.Weights) - pure Python
# ---------------------------------------------------------------------------------------------------------------------

def canonical_json(definition):
    """FeatureSetDefinition.ToJson: fixed property order, parameters sorted by name, values as strings, no spaces."""
    canonical = collections.OrderedDict()
    canonical["name"] = definition["name"]
    canonical["version"] = int(definition["version"])
    canonical["code_version"] = definition["code_version"]
    canonical["features"] = [
        collections.OrderedDict([("kind", f["kind"]),
                                 ("parameters", collections.OrderedDict(sorted((k, str(v)) for k, v in f.get("parameters", {}).items())))])
        for f in definition["features"]
    ]
    return json.dumps(canonical, separators=(",", ":"), ensure_ascii=False)


def content_hash(definition):
    """FeatureSetDefinition.ContentHash: lower-case hex SHA-256 of the UTF-8 canonical JSON."""
    return hashlib.sha256(canonical_json(definition).encode("utf-8")).hexdigest()


def ffd_weights(d, threshold=1e-4, max_width=10_000):
    """FracDiffFeature.Weights: w0 = 1, wk = -w(k-1) (d - k + 1) / k while |wk| >= threshold, at most max_width."""
    if not 0 < d < 2 or not 0 < threshold < 1 or max_width < 1:
        raise ValueError("ffd: expected 0 < d < 2, 0 < threshold < 1, max_width >= 1")
    weights = [1.0]
    while len(weights) < max_width:
        k = len(weights)
        w = -weights[k - 1] * (d - k + 1) / k
        if abs(w) < threshold:
            break
        weights.append(w)
    return weights


def format_double(value):
    """C#'s double.ToString("R") for the values feature names use (0.4 -> 0.4, 1.0 -> 1)."""
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


def session_column(zone, open_text):
    """SessionFeature.ColumnName."""
    if zone == "America/New_York" and open_text == "17:00":
        return "session_minutes"
    return "session_minutes_{}_{}".format(zone.lower().replace("/", "_").replace("-", "_"), open_text.replace(":", ""))


def parse_timeframe(text):
    """'30s', '1m', '15m', '1h', '1d' or a number of seconds -> microseconds."""
    m = re.fullmatch(r"(\d+)\s*(us|ms|s|m|min|h|d)?", text.strip())
    if not m or int(m.group(1)) <= 0:
        raise argparse.ArgumentTypeError("timeframe: expected e.g. 30s, 1m, 15m, 1h, 1d; got '{}'".format(text))
    unit = {"us": 1, "ms": 1_000, "s": 1_000_000, None: 1_000_000, "m": 60_000_000, "min": 60_000_000,
            "h": 3_600_000_000, "d": MICROS_PER_DAY}[m.group(2)]
    return int(m.group(1)) * unit


def timeframe_label(micros):
    """GoldSchemas.Timeframe: 1m, 15s, 4h, 1d, 250ms - the largest unit that divides the timeframe."""
    for unit, name in ((MICROS_PER_DAY, "d"), (3_600_000_000, "h"), (60_000_000, "m"), (1_000_000, "s"), (1_000, "ms")):
        if micros % unit == 0:
            return "{}{}".format(micros // unit, name)
    return "{}us".format(micros)


def table_name(text):
    """A table-name suffix (after bars_ or features_) the way the C# catalog accepts names: lower-case a-z0-9_."""
    name = re.sub(r"[^a-z0-9_]", "_", text.lower())
    if not name:
        raise SystemExit("empty table name suffix")
    return name


# ---------------------------------------------------------------------------------------------------------------------
# Spark plumbing
# ---------------------------------------------------------------------------------------------------------------------

def micros(F, column):
    """A timestamp column as microseconds since the epoch (SQL unix_micros)."""
    return F.expr("unix_micros(`{}`)".format(column))


def timestamp(F, column):
    """Microseconds since the epoch as a timestamp (SQL timestamp_micros)."""
    return F.expr("timestamp_micros(`{}`)".format(column))


def spark_session(app):
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName(app).getOrCreate()
    spark.conf.set("spark.sql.session.timeZone", "UTC")  # all times are UTC; no session zone may shift them
    return spark


def day_range_filter(F, column, args):
    """symbol IN (...) AND the UTC day of column in [from, to], both inclusive like SilverOptions.From/To and
    `pipeline process --from/--to`: prunes to the (symbol, day) partitions asked for."""
    condition = F.lit(True)
    if args.symbols:
        condition = condition & F.col("symbol").isin(args.symbols)
    if args.date_from:
        condition = condition & (F.col(column) >= F.lit(args.date_from).cast("timestamp"))
    if args.date_to:
        condition = condition & (F.col(column) < F.lit(args.date_to + timedelta(days=1)).cast("timestamp"))
    return condition


def write_partitions(spark, df, table, partition_columns, properties=None):
    """Creates the table on first use (partitioned by identity(symbol), day(<time>)), else replaces exactly the
    partitions present in `df`: Iceberg's dynamic overwrite, one atomic snapshot (C#: the publish overwrite)."""
    from pyspark.sql import functions as F

    namespace, name = table.rsplit(".", 1)
    spark.sql("CREATE NAMESPACE IF NOT EXISTS {}".format(namespace))
    # The frames arrive clustered by partition and sorted in the cleaner's order (ties included): distribution mode
    # "none" stops Iceberg from adding its own shuffle and sort, which would not keep that order among equal keys.
    # A table the workbench created has required columns; Spark's derived columns are nullable, so the static check is
    # off (Iceberg's check-nullability) and Spark asserts non-null values at run time instead.
    writer = (df.writeTo(table).using("iceberg").option("distribution-mode", "none").option("check-nullability", "false")
              .tableProperty("format-version", "2"))
    if spark.sql("SHOW TABLES IN {} LIKE '{}'".format(namespace, name)).count() == 0:
        parts = [F.col(partition_columns[0])] + [F.days(c) for c in partition_columns[1:]]
        for key, value in (properties or {}).items():
            writer = writer.tableProperty(key, value)
        writer.partitionedBy(*parts).create()
        return
    df.writeTo(table).option("distribution-mode", "none").option("check-nullability", "false").overwritePartitions()
    if properties:
        spark.sql("ALTER TABLE {} SET TBLPROPERTIES ({})".format(
            table, ", ".join("'{}' = '{}'".format(k, v.replace("'", "\\'")) for k, v in properties.items())))


# ---------------------------------------------------------------------------------------------------------------------
# silver: bronze.ticks -> silver.ticks + silver.quality (C#: TickCleaner per (symbol, day))
# ---------------------------------------------------------------------------------------------------------------------

def run_silver(args):
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    spark = spark_session("tick-pipeline-silver")
    catalog = args.catalog
    options = {
        "crossed_quotes": args.crossed_quotes, "duplicates": args.duplicates, "spikes": args.spikes,
        "spike_window": args.spike_window, "spike_min_samples": args.spike_min_samples,
        "spike_threshold": args.spike_threshold, "spike_min_relative_scale": args.spike_min_relative_scale,
        "spike_reanchor_after": args.spike_reanchor_after, "wide_spread_multiple": args.wide_spread_multiple,
        "min_gap_us": int(args.min_gap_seconds * 1_000_000), "stale_after_us": int(args.stale_after_seconds * 1_000_000),
    }
    session = (args.session_zone, args.session_boundary, args.session_rule)

    # Arrival order = the bronze file and row position (Iceberg's _file and _pos metadata columns): the order the
    # C# cleaner receives the ticks in, so timestamp ties keep it.
    bronze = (spark.table("{}.bronze.ticks".format(catalog))
              .where(day_range_filter(F, "ts", args))
              .select("symbol", F.to_date("ts").alias("day"), micros(F, "ts").alias("ts_us"),
                      "bid", "ask", "bid_volume", "ask_volume", F.col("_file").alias("file"), F.col("_pos").alias("pos")))

    judged_schema = T.StructType([
        T.StructField("symbol", T.StringType()), T.StructField("day", T.DateType()),
        T.StructField("seq", T.LongType()), T.StructField("ts_us", T.LongType()),
        T.StructField("bid", T.DoubleType()), T.StructField("ask", T.DoubleType()),
        T.StructField("bid_volume", T.FloatType()), T.StructField("ask_volume", T.FloatType()),
        T.StructField("drop_reason", T.StringType()), T.StructField("flags", T.IntegerType()),
        T.StructField("session_date", T.DateType()), T.StructField("reanchored", T.IntegerType()),
        T.StructField("gap_us", T.LongType()), T.StructField("gap_open_us", T.LongType()),
        T.StructField("tail_gap_us", T.LongType()), T.StructField("tail_gap_open_us", T.LongType()),
    ])

    def judge(pdf):
        """One (symbol, day) partition through the sequential rules; returns every input row with its verdict."""
        sessions = SessionRule.always_open() if session[2] == "always-open" else SessionRule(zone=session[0], boundary=session[1])
        pdf = pdf.sort_values(["file", "pos"], kind="mergesort")
        symbol, day = pdf["symbol"].iloc[0], pdf["day"].iloc[0]
        day_start = (date.fromordinal(day.toordinal()) - date(1970, 1, 1)).days * MICROS_PER_DAY
        rows = list(zip(pdf["ts_us"].tolist(), pdf["bid"].astype("float64").tolist(), pdf["ask"].astype("float64").tolist(),
                        pdf["bid_volume"].tolist(), pdf["ask_volume"].tolist()))
        verdicts, (tail_gap, tail_open) = clean_day(rows, day_start, options, sessions)
        records = []
        for seq, (i, reason, flags, reanchored, gap_us, gap_open) in enumerate(verdicts):
            t, bid, ask, bv, av = rows[i]
            last = seq == len(verdicts) - 1
            records.append((symbol, day, seq, t, bid, ask, bv, av, reason, flags,
                            sessions.session_date(t) if reason is None else None, reanchored, gap_us, gap_open,
                            tail_gap if last else None, tail_open if last else None))
        frame = pd.DataFrame.from_records(records, columns=judged_schema.fieldNames())
        for column in ("gap_us", "gap_open_us", "tail_gap_us", "tail_gap_open_us"):
            frame[column] = pd.array(frame[column].tolist(), dtype="Int64")  # nullable: None stays null, not NaN
        return frame

    judged = bronze.groupBy("symbol", "day").applyInPandas(judge, schema=judged_schema).persist()

    # silver.ticks: the kept ticks in the cleaner's order, one file per (symbol, day) written in that order.
    silver = (judged.where(F.col("drop_reason").isNull())
              .select("symbol", timestamp(F, "ts_us").alias("ts"), "bid", "ask",
                      F.nanvl("bid_volume", F.lit(None).cast("float")).alias("bid_volume"),  # NaN = not provided = null, as SilverTicks writes
                      F.nanvl("ask_volume", F.lit(None).cast("float")).alias("ask_volume"),
                      "flags", "session_date", "day", "seq")
              .repartition("symbol", "day").sortWithinPartitions("symbol", "day", "seq")
              .select(*SILVER_COLUMNS))
    write_partitions(spark, silver, "{}.silver.ticks".format(catalog), ["symbol", "ts"],
                     {"tick.cleaning.options": json.dumps(options, sort_keys=True),
                      "tick.cleaning.session": "always-open" if session[2] == "always-open" else "{} {}".format(*session[:2])})

    # silver.quality: one row per (symbol, day), the TickQualityReport's numbers.
    min_gap = options["min_gap_us"]
    aggregates = [
        F.count(F.lit(1)).alias("input_ticks"),
        F.sum(F.when(F.col("drop_reason").isNull(), 1).otherwise(0)).cast("long").alias("kept_ticks"),
        F.sum(F.when(F.col("drop_reason").isNull() & (F.col("flags") != 0), 1).otherwise(0)).cast("long").alias("flagged_ticks"),
        F.sum(F.when(F.col("drop_reason").isNotNull(), 1).otherwise(0)).cast("long").alias("dropped_ticks"),
    ]
    aggregates += [F.sum(F.when(F.col("drop_reason") == r, 1).otherwise(0)).alias("dropped_" + r) for r in DROP_REASONS]
    aggregates += [F.sum(F.when(F.col("drop_reason").isNull() & ((F.col("flags").bitwiseAND(bit)) != 0), 1).otherwise(0))
                   .alias("flagged_" + name) for name, bit in FLAG_NAMES]
    gaps = [(F.col("gap_us"), F.col("gap_open_us")), (F.col("tail_gap_us"), F.col("tail_gap_open_us"))]
    aggregates += [
        sum((F.sum(F.when(length.isNotNull() & (open_us > min_gap), 1).otherwise(0)) for length, open_us in gaps), F.lit(0)).cast("int").alias("missing_gaps"),
        sum((F.sum(F.when(length.isNotNull() & (open_us <= min_gap), 1).otherwise(0)) for length, open_us in gaps), F.lit(0)).cast("int").alias("expected_gaps"),
        (sum((F.coalesce(F.sum(F.when(open_us > min_gap, open_us)), F.lit(0)) for _, open_us in gaps), F.lit(0)) / 1e6).alias("missing_seconds"),
        F.min(F.when(F.col("drop_reason").isNull(), F.col("ts_us"))).alias("first_us"),
        F.max(F.when(F.col("drop_reason").isNull(), F.col("ts_us"))).alias("last_us"),
        F.sum("reanchored").alias("spike_reanchors"),
    ]
    quality = (judged.groupBy("symbol", "day").agg(*aggregates)
               .withColumn("first_tick", timestamp(F, "first_us")).withColumn("last_tick", timestamp(F, "last_us"))
               .select(*QUALITY_COLUMNS)
               .repartition("symbol").sortWithinPartitions("symbol", "day"))
    # Spike re-anchors are not a column of SilverQuality; they go to the job's log.
    reanchors = judged.agg(F.sum("reanchored")).first()[0] or 0
    print("silver: spike filter re-anchored {} times".format(reanchors))
    write_partitions(spark, quality, "{}.silver.quality".format(catalog), ["symbol", "day"],
                     {"tick.cleaning.options": json.dumps(options, sort_keys=True)})
    # A day whose ticks were all dropped wrote no rows, so overwritePartitions left its old silver rows; SilverTicks
    # replaces such a partition with nothing. Whole-partition deletes are metadata-only in Iceberg (one more snapshot).
    for row in quality.where(F.col("kept_ticks") == 0).select("symbol", "day").collect():
        spark.sql("DELETE FROM {}.silver.ticks WHERE symbol = '{}' AND ts >= TIMESTAMP '{} 00:00:00' AND ts < TIMESTAMP '{} 00:00:00'"  # session zone UTC
                  .format(catalog, row.symbol.replace("'", "\\'"), row.day.isoformat(), (row.day + timedelta(days=1)).isoformat()))
    judged.unpersist()


# ---------------------------------------------------------------------------------------------------------------------
# bars: silver.ticks -> gold.bars_<label> (C#: TimeBarBuilder, TickBarBuilder, VolumeBarBuilder, DollarBarBuilder)
# ---------------------------------------------------------------------------------------------------------------------

def bar_aggregates(F):
    """BarAccumulator: OHLC of bid, ask and mid in arrival order (timestamp, then silver file and row: the cleaner's
    order), spread mean/min/max, volume sums (NaN skipped; NaN when every volume of the bar is NaN), tick count."""
    o = F.struct("ts_us", "file", "pos")
    mid = (F.col("bid") + F.col("ask")) * 0.5
    spread = F.col("ask") - F.col("bid")

    def volume(c):
        v = F.col(c).cast("double")
        return F.coalesce(F.sum(F.when(~F.isnan(v), v)), F.lit(float("nan")))

    return [
        F.count(F.lit(1)).cast("int").alias("tick_count"),
        F.min_by("bid", o).alias("bid_open"), F.max("bid").alias("bid_high"), F.min("bid").alias("bid_low"), F.max_by("bid", o).alias("bid_close"),
        F.min_by("ask", o).alias("ask_open"), F.max("ask").alias("ask_high"), F.min("ask").alias("ask_low"), F.max_by("ask", o).alias("ask_close"),
        F.min_by(mid, o).alias("mid_open"), F.max(mid).alias("mid_high"), F.min(mid).alias("mid_low"), F.max_by(mid, o).alias("mid_close"),
        (F.sum(spread) / F.count(F.lit(1))).alias("spread_mean"), F.min(spread).alias("spread_min"), F.max(spread).alias("spread_max"),
        volume("bid_volume").alias("bid_volume"), volume("ask_volume").alias("ask_volume"),
        F.min("ts_us").alias("first_us"), F.max("ts_us").alias("last_us"),
    ]


def run_bars(args):
    from pyspark.sql import Window
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    spark = spark_session("tick-pipeline-bars")
    catalog = args.catalog
    ticks = spark.table("{}.silver.ticks".format(catalog)).where(day_range_filter(F, "ts", args))
    if args.exclude_flags:
        ticks = ticks.where(F.col("flags").bitwiseAND(args.exclude_flags) == 0)
    # Arrival order inside silver = timestamp, then file and row position (silver files are written in the cleaner's
    # order, one per (symbol, day)); a struct of the three compares field by field, so it orders min_by/max_by without
    # a global sort.
    ticks = ticks.select("symbol", micros(F, "ts").alias("ts_us"), "bid", "ask", "bid_volume", "ask_volume",
                         F.col("_file").alias("file"), F.col("_pos").alias("pos"))

    if args.kind == "time":
        tf = parse_timeframe(args.timeframe)
        label = args.label or timeframe_label(tf) + ("_session" if args.session_zone else "")  # GoldSchemas.BarsTable
        if args.session_zone:
            # Session-aligned intervals (TimeBarOptions.SessionTimeZone/SessionOpen): open + k*tf, cut at the next open.
            rule = SessionRule(zone=args.session_zone, boundary=args.session_open)

            @F.pandas_udf(T.StructType([T.StructField("open", T.LongType()), T.StructField("next", T.LongType())]))
            def session_of(ts: pd.Series) -> pd.DataFrame:  # the hints make it a scalar pandas UDF returning a struct
                bounds = [rule.session_bounds(rule.session_date(int(t))) for t in ts]
                return pd.DataFrame({"open": [b[0] for b in bounds], "next": [b[1] for b in bounds]})

            ticks = (ticks.withColumn("_s", session_of("ts_us"))
                     .withColumn("bar_start", F.expr("_s.open + ((ts_us - _s.open) div {0}) * {0}".format(tf)))
                     .withColumn("bar_end", F.expr("least(bar_start + {}, _s.next)".format(tf))).drop("_s"))
        else:
            # Epoch-aligned: start = floor(t / tf) * tf in integers, [start, start + tf) labelled by start (Dukascopy's
            # candles); Spark's div truncates, so times before 1970 would need a floor.
            ticks = (ticks.withColumn("bar_start", F.expr("(ts_us div {0}) * {0}".format(tf)))
                     .withColumn("bar_end", F.col("bar_start") + F.lit(tf)))
        bars = (ticks.groupBy("symbol", "bar_start", "bar_end").agg(*bar_aggregates(F))
                .withColumnRenamed("bar_start", "open_us").withColumnRenamed("bar_end", "close_us"))
        if args.empty_bars == "carry-forward":
            bars = carry_forward(F, Window, bars, tf, session_aligned=bool(args.session_zone))
    else:
        threshold = args.threshold
        label = args.label or "{}{}".format(args.kind, format_double(threshold))
        if args.kind == "tick":
            # TickBarBuilder: every N ticks of the symbol's stream from the start of the range (seq is 1-based).
            seq = F.row_number().over(Window.partitionBy("symbol").orderBy("ts_us", "file", "pos"))
            ticks = ticks.withColumn("seq", seq).withColumn("bar_id", F.expr("(seq - 1) div {}".format(int(threshold)))).drop("seq")
        else:
            # Volume and dollar bars close on the tick that brings the running total to the threshold, and the excess
            # is not carried over: each bar's start depends on where the previous one closed, a sequential rule that
            # no window frame expresses, so each symbol's stream is walked in order (ActivityBarCore).
            ticks = ticks.groupBy("symbol").applyInPandas(
                activity_bar_ids(args.kind, threshold, args.volume_side),
                schema=T.StructType(ticks.schema.fields + [T.StructField("bar_id", T.LongType())]))
        bars = (ticks.groupBy("symbol", "bar_id").agg(*bar_aggregates(F))
                .withColumn("open_us", F.col("first_us")).withColumn("close_us", F.col("last_us")).drop("bar_id"))
        # The symbol's last, still open bar is what the C# builder's Flush emits: kept, as there.

    gold = (bars.withColumn("open_time", timestamp(F, "open_us")).withColumn("close_time", timestamp(F, "close_us"))
            .select(*BAR_COLUMNS)
            .repartition("symbol").sortWithinPartitions("symbol", "open_time"))
    write_partitions(spark, gold, "{}.gold.bars_{}".format(catalog, table_name(label)), ["symbol", "open_time"],
                     {"tick.bars.kind": args.kind, "tick.bars.parameter": args.timeframe if args.kind == "time" else format_double(args.threshold),
                      "tick.bars.empty": args.empty_bars, "tick.bars.exclude_flags": str(args.exclude_flags)})


def activity_bar_ids(kind, threshold, side):
    """ActivityBarCore over one symbol's ticks in arrival order: the bar id of every tick."""
    def assign(pdf):
        pdf = pdf.sort_values(["ts_us", "file", "pos"], kind="mergesort").reset_index(drop=True)
        bv = pdf["bid_volume"].astype("float64").fillna(0.0).tolist()
        av = pdf["ask_volume"].astype("float64").fillna(0.0).tolist()
        mids = ((pdf["bid"] + pdf["ask"]) * 0.5).tolist()
        ids, bar, total = [], 0, 0.0
        for i in range(len(bv)):
            volume = bv[i] if side == "bid" else av[i] if side == "ask" else bv[i] + av[i]
            total += volume if kind == "volume" else mids[i] * volume
            ids.append(bar)
            if total >= threshold:
                bar, total = bar + 1, 0.0
        return pdf.assign(bar_id=ids)
    return assign


def carry_forward(F, Window, bars, tf, session_aligned):
    """EmptyBarPolicy.CarryForward: a flat bar for every empty interval between two bars of a symbol, all prices at
    the previous close, spreads at the previous closing spread, zero ticks and volumes (Bar.Flat)."""
    if session_aligned:
        raise SystemExit("bars: --empty-bars carry-forward with session-aligned intervals is not supported by the Spark job "
                         "(use epoch-aligned intervals, or the embedded engine)")
    w = Window.partitionBy("symbol").orderBy("open_us")
    previous = bars.withColumn("next_open", F.lead("open_us").over(w))
    flats = (previous.where(F.col("next_open") > F.col("open_us") + tf)
             .withColumn("open_us", F.explode(F.sequence(F.col("open_us") + tf, F.col("next_open") - tf, F.lit(tf))))
             .withColumn("close_us", F.col("open_us") + tf))
    close_spread = F.col("ask_close") - F.col("bid_close")
    flats = flats.select(
        "symbol", "open_us", "close_us", F.lit(0).alias("tick_count"),
        *[F.col(side + "_close").alias("{}_{}".format(side, p)) for side in ("bid", "ask", "mid") for p in ("open", "high", "low", "close")],
        close_spread.alias("spread_mean"), close_spread.alias("spread_min"), close_spread.alias("spread_max"),
        F.lit(0.0).alias("bid_volume"), F.lit(0.0).alias("ask_volume"))
    return bars.select(*flats.columns).unionByName(flats)


# ---------------------------------------------------------------------------------------------------------------------
# features: gold.bars_<label> -> gold.features_<set>_v<version> (C#: FeatureSetCalculator over IBarFeature)
# ---------------------------------------------------------------------------------------------------------------------

def run_features(args):
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    spark = spark_session("tick-pipeline-features")
    catalog = args.catalog
    if args.feature_set:
        text = "\n".join(r.value for r in spark.read.text(args.feature_set).collect())  # local path, s3a:// or hdfs://
        definition = json.loads(text)
    else:
        definition = GOLD_CORE
    # Windows need the bars before --from (warm-up), as the C# calculator sees the whole series: read everything
    # before --to, compute, and write only the rows from --from on.
    warm = argparse.Namespace(symbols=args.symbols, date_from=None, date_to=args.date_to)
    bars = spark.table("{}.gold.bars_{}".format(catalog, table_name(args.bars))).where(day_range_filter(F, "open_time", warm))

    # Features are causal: each row sees its bar and earlier ones of the same symbol (frames end at the current row).
    w = Window.partitionBy("symbol").orderBy("open_time")
    nan = F.lit(float("nan"))
    mid = F.col("mid_close")

    def frame(n):
        return w.rowsBetween(-(n - 1), 0)

    def ordered_sum(array_col):
        # The C# loops add oldest to newest (FFD: newest first); aggregate() over the frame's list adds in the order
        # given, so the same operations run in the same order and give the same bits.
        return F.aggregate(array_col, F.lit(0.0), lambda acc, x: acc + x)

    # Stage 1: window results as plain columns (Spark does not nest a window function inside another or inside a
    # higher-order function's lambda).
    bars = bars.withColumn("_open_us", micros(F, "open_time")).withColumn("_r1", F.log(mid / F.lag(mid, 1).over(w)))
    helpers, outputs = {}, [F.col("symbol"), F.col("open_time"), F.col("close_time")]

    def output(name, column):
        # GoldTables writes NaN (warm-up, undefined values) as null.
        outputs.append(F.nanvl(column, F.lit(None).cast("double")).alias(name))

    for spec in definition["features"]:
        kind, p = spec["kind"], spec.get("parameters", {})
        if kind == "log_return":  # LogReturnFeature: ln(mid_t / mid_{t-h}); NaN for the first h bars
            h = int(p["horizon"])
            helpers["_lag_{}".format(h)] = F.lag(mid, h).over(w)
            output("log_return_{}".format(h), F.coalesce(F.log(mid / F.col("_lag_{}".format(h))), nan))
        elif kind == "realized_vol":  # RealizedVolatilityFeature: sqrt(sum r^2) over the last n one-bar returns
            n = int(p["window"])
            name = "_r2_{}".format(n)
            helpers[name] = F.collect_list(F.col("_r1") * F.col("_r1")).over(frame(n))  # nulls (bar 0) are skipped
            output("realized_vol_{}".format(n), F.when(F.size(name) == n, F.sqrt(ordered_sum(F.col(name)))).otherwise(nan))
        elif kind == "spread_rel":  # RelativeSpreadFeature
            output("spread_rel", (F.col("spread_mean") / mid))
        elif kind in ("spread_z", "mid_z"):  # ZScoreFeature: population sd in two passes; NaN until full or when sd = 0
            n = int(p["window"])
            source = "spread_mean" if kind == "spread_z" else "mid_close"
            name = "_{}_{}".format(kind, n)
            helpers[name] = F.collect_list(source).over(frame(n))
            mean = ordered_sum(F.col(name)) / n
            sd = F.sqrt(F.aggregate(F.col(name), F.lit(0.0), lambda acc, x: acc + (x - mean) * (x - mean)) / n)
            output("{}_{}".format(kind, n), F.when((F.size(name) == n) & (sd > 0), (F.col(source) - mean) / sd).otherwise(nan))
        elif kind == "quote_imbalance":  # QuoteImbalanceFeature: NaN when a volume is NaN or both are 0
            total = F.col("bid_volume") + F.col("ask_volume")
            output("quote_imbalance", F.when(total > 0, (F.col("bid_volume") - F.col("ask_volume")) / total).otherwise(nan))
        elif kind == "ffd":  # FracDiffFeature: weights on the driver, y_t = sum_k w_k ln(mid_{t-k}) over a fixed window
            d = float(p["d"])
            weights = ffd_weights(d, float(p.get("threshold", "0.0001")), int(p.get("max_width", "10000")))
            n = len(weights)
            name = "_logs_{}".format(format_double(d).replace(".", "_"))
            helpers[name] = F.reverse(F.collect_list(F.log(mid)).over(frame(n)))  # newest first, as the C# loop (k = 0 first)
            terms = F.zip_with(F.col(name), F.array(*[F.lit(x) for x in weights]), lambda x, wk: wk * x)
            output("ffd_" + format_double(d), F.when(F.size(name) == n, ordered_sum(terms)).otherwise(nan))
        elif kind == "time_of_day":  # TimeOfDayFeature: angle of the UTC minute of day (with fractions) of the open
            of_day = ((F.col("_open_us") % MICROS_PER_DAY) + MICROS_PER_DAY) % MICROS_PER_DAY
            angle = F.lit(2 * math.pi) * (of_day / 60_000_000.0) / 1440.0
            output("tod_sin", F.sin(angle))
            output("tod_cos", F.cos(angle))
        elif kind == "session":  # SessionFeature: minutes since the last local session open
            zone, open_text = p.get("time_zone", "America/New_York"), p.get("open", "17:00")
            local = F.from_utc_timestamp("open_time", zone)  # wall-clock time in the zone (session time zone is UTC)
            open_today = F.to_timestamp(F.concat(F.date_format(local, "yyyy-MM-dd"), F.lit(" " + open_text)), "yyyy-MM-dd HH:mm")
            local_open = F.when(local >= open_today, open_today).otherwise(open_today - F.expr("INTERVAL 1 DAY"))
            name = "_session_open_{}".format(len(helpers))
            helpers[name] = F.to_utc_timestamp(local_open, zone)
            output(session_column(zone, open_text), ((F.col("_open_us") - micros(F, name)) / 60_000_000.0))
        else:
            raise SystemExit("features: unknown feature kind '{}' (known: log_return, realized_vol, spread_rel, spread_z, "
                             "quote_imbalance, mid_z, ffd, time_of_day, session)".format(kind))
    for name, column in helpers.items():
        bars = bars.withColumn(name, column)

    # Stage 2: the feature columns, then only the rows asked for.
    features = bars.select(*outputs)
    if args.date_from:
        features = features.where(F.col("open_time") >= F.lit(args.date_from).cast("timestamp"))
    features = features.repartition("symbol").sortWithinPartitions("symbol", "open_time")
    name = args.table or "{}_v{}".format(table_name(definition["name"]), int(definition["version"]))
    write_partitions(spark, features, "{}.gold.features_{}".format(catalog, name), ["symbol", "open_time"],
                     {"tick.feature-set": canonical_json(definition), "tick.feature-set.sha256": content_hash(definition),
                      "tick.bars-table": "gold.bars_" + table_name(args.bars)})


# ---------------------------------------------------------------------------------------------------------------------
# Command line (defaults = the C# options' defaults)
# ---------------------------------------------------------------------------------------------------------------------

def parser():
    root = argparse.ArgumentParser(prog="tick_pipeline.py", description=__doc__.split("\n\n")[0])
    steps = root.add_subparsers(dest="step", required=True)

    def common(p):
        p.add_argument("--catalog", default="lake", help="Spark catalog name from spark-defaults.conf (default lake)")
        p.add_argument("--symbols", type=lambda s: [x.strip().upper() for x in s.split(",") if x.strip()], default=None,
                       help="comma-separated symbols (default: all)")
        p.add_argument("--from", dest="date_from", type=date.fromisoformat, default=None, help="first UTC day, inclusive (YYYY-MM-DD)")
        p.add_argument("--to", dest="date_to", type=date.fromisoformat, default=None, help="last UTC day, inclusive (YYYY-MM-DD)")

    silver = steps.add_parser("silver", help="bronze.ticks -> silver.ticks and silver.quality (TickCleaner)")
    common(silver)
    policy = ["drop", "flag"]
    silver.add_argument("--crossed-quotes", choices=policy, default="drop", help="ask < bid (default drop)")
    silver.add_argument("--duplicates", choices=policy, default="drop", help="exact repeats (default drop)")
    silver.add_argument("--spikes", choices=policy, default="flag", help="spike filter verdicts (default flag)")
    silver.add_argument("--spike-window", type=int, default=100, help="accepted mids in the rolling window (default 100)")
    silver.add_argument("--spike-min-samples", type=int, default=20, help="mids before the filter judges (default 20)")
    silver.add_argument("--spike-threshold", type=float, default=10.0, help="robust deviations (1.4826 MAD) for a spike (default 10)")
    silver.add_argument("--spike-min-relative-scale", type=float, default=5e-5, help="floor of the robust deviation / median (default 5e-5)")
    silver.add_argument("--spike-reanchor-after", type=int, default=5, help="agreeing spikes that mean the level moved (default 5)")
    silver.add_argument("--wide-spread-multiple", type=float, default=10.0, help="spread / rolling median spread flagged wide (default 10)")
    silver.add_argument("--min-gap-seconds", type=float, default=60.0, help="a stretch without ticks longer than this is a gap (default 60)")
    silver.add_argument("--stale-after-seconds", type=float, default=300.0, help="an unchanged quote older than this is stale (default 300)")
    silver.add_argument("--session-rule", choices=["fx", "always-open"], default="fx",
                        help="fx: the FX week and 25 Dec / 1 Jan closed (default); always-open: crypto (UTC days, never closed)")
    silver.add_argument("--session-zone", default="America/New_York", help="IANA zone of the trading-day boundary (default America/New_York)")
    silver.add_argument("--session-boundary", default="17:00", help="local time a trading day ends (default 17:00)")
    silver.set_defaults(run=run_silver)

    bars = steps.add_parser("bars", help="silver.ticks -> gold.bars_<label> (time, tick, volume or dollar bars)")
    common(bars)
    bars.add_argument("--kind", choices=["time", "tick", "volume", "dollar"], default="time", help="bar type (default time)")
    bars.add_argument("--timeframe", default="1m", type=lambda text: parse_timeframe(text) and text,  # refused at parse time
                      help="time bars: 30s, 1m, 15m, 1h, 1d (default 1m)")
    bars.add_argument("--threshold", type=float, default=None,
                      help="activity bars: ticks (default 1000), volume or notional in millions (default 100)")
    bars.add_argument("--volume-side", choices=["both", "bid", "ask"], default="both", help="volumes counted (default both)")
    bars.add_argument("--empty-bars", choices=["skip", "carry-forward"], default="skip", help="empty time intervals (default skip)")
    bars.add_argument("--session-zone", default=None, help="align time bars to a session open in this zone (default: UTC epoch)")
    bars.add_argument("--session-open", default="17:00", help="local session open for --session-zone (default 17:00)")
    bars.add_argument("--exclude-flags", type=int, default=FLAG_SPIKE | FLAG_CROSSED_QUOTE,
                      help="leave out silver ticks with any of these flag bits (default 5: spike and crossed quote, GoldOptions.ExcludeFlags)")
    bars.add_argument("--label", default=None, help="table suffix (default: 1m, 15s, 4h, 1d, +_session; or kind and threshold)")
    bars.set_defaults(run=run_bars)

    features = steps.add_parser("features", help="gold.bars_<label> -> gold.features_<set>_v<version>")
    common(features)
    features.add_argument("--bars", default="1m", help="the bars table's label (default 1m: gold.bars_1m)")
    features.add_argument("--feature-set", default=None, help="FeatureSetDefinition JSON (default: gold-core v1)")
    features.add_argument("--table", default=None, help="table suffix (default <set name>_v<version>)")
    features.set_defaults(run=run_features)
    return root


def main(argv=None):
    args = parser().parse_args(argv)
    if args.step == "bars" and args.threshold is None:
        args.threshold = 1000.0 if args.kind == "tick" else 100.0
    args.run(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
