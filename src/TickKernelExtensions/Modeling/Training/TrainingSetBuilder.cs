using System.Globalization;
using TickKernelExtensions.Market;
using TickKernelExtensions.Modeling.Labels;
using TickKernelExtensions.Modeling.Splits;
using TickKernelExtensions.Processing.Features;

namespace TickKernelExtensions.Modeling.Training;

/// <summary>
/// Joins a <see cref="FeatureTable"/> with labels, uniqueness weights and a split into a <see cref="TrainingSet"/>.
/// Each label's t0 must be a bar close time of the table (features known at the event). Rows with a NaN or infinite
/// selected feature are dropped and counted, never imputed. The split is proved leak-free
/// (<see cref="SplitCheck.EnsureNoLeaks"/>) before anything is kept. Deterministic; thread safe.
/// </summary>
public static class TrainingSetBuilder
{
    /// <summary>
    /// The whole path for fixed-horizon labels: events at the close of every row whose features are all finite and
    /// whose horizon ends by the last tick, labelled on the ticks' bid/ask path (true = a long paid beyond the dead
    /// zone), weighted by uniqueness, split chronologically with purge and embargo.
    /// </summary>
    /// <exception cref="ModelingException">
    /// InvalidOptions; InvalidInput for a missing or all-NaN feature column or an empty part; OutOfRange when the
    /// horizon is longer than the ticks span or no event fits.
    /// </exception>
    public static TrainingSet FromTicks(FeatureTable table, TickColumns ticks, FixedHorizonOptions horizon,
        ChronologicalSplitOptions split, TrainingSetOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(horizon);
        ArgumentNullException.ThrowIfNull(split);
        options ??= TrainingSetOptions.Default;
        options.Validate();
        horizon.Validate();
        split.Validate();
        ModelingChecks.Ticks(ticks);
        var columns = ResolveColumns(table, options);
        var finite = FiniteRows(table, columns);

        var first = ticks.Timestamps[0];
        var last = ticks.Timestamps[ticks.Count - 1];
        if (horizon.HorizonMicros > last - first)
        {
            throw new ModelingException(ModelingErrorKind.OutOfRange, "The label horizon is longer than the data: no event can be labelled.")
            {
                Field = nameof(FixedHorizonOptions.Horizon),
                Expected = $"at most the ticks' span {TimeSpan.FromTicks((last - first) * 10)}",
                Actual = horizon.Horizon.ToString(),
            };
        }
        var events = new List<long>();
        var nanRows = 0;
        var beyond = 0;
        ReadOnlySpan<long> close = table.CloseTimes;
        for (var r = 0; r < table.Count; r++)
        {
            if (!finite[r])
            {
                nanRows++;
            }
            else if (close[r] < first || close[r] + horizon.HorizonMicros > last)
            {
                beyond++;
            }
            else
            {
                events.Add(close[r]);
            }
        }
        if (events.Count == 0)
        {
            throw new ModelingException(ModelingErrorKind.OutOfRange, "No feature row has finite features and a horizon inside the ticks.")
            {
                Field = "table",
                Expected = "at least one row with finite features closing at least one horizon before the last tick",
                Actual = $"{table.Count} rows, {nanRows} with NaN features, {beyond} beyond the data",
            };
        }
        var labels = TrainingLabels.FromFixedHorizon(FixedHorizonLabeler.Label(ticks, events.ToArray(), horizon));
        var roles = ChronologicalSplitter.Split(labels.T0, labels.T1, split);
        return Join(table, columns, labels, roles, options, nanRows, beyond);
    }

    /// <summary>
    /// Joins <paramref name="labels"/> (one per sample of <paramref name="split"/>, t0 = a close time of
    /// <paramref name="table"/>) with the table's features.
    /// </summary>
    /// <exception cref="ModelingException">
    /// InvalidOptions; InvalidInput for a missing or all-NaN column, a t0 that is no close time, mismatched lengths,
    /// an empty part or a train part with one class; Leakage when the split lets windows overlap.
    /// </exception>
    public static TrainingSet Build(FeatureTable table, TrainingLabels labels, SampleSplit split, TrainingSetOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(split);
        options ??= TrainingSetOptions.Default;
        options.Validate();
        var columns = ResolveColumns(table, options);
        return Join(table, columns, labels, split, options, 0, 0);
    }

    private static TrainingSet Join(FeatureTable table, int[] columns, TrainingLabels labels, SampleSplit split,
        TrainingSetOptions options, int nanRowsBefore, int beyond)
    {
        ModelingChecks.SameLength("split", split.Count, labels.Count);
        SplitCheck.EnsureNoLeaks(labels.T0, labels.T1, split);
        ReadOnlySpan<long> close = table.CloseTimes;
        var rows = new int[labels.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = ModelingChecks.QuoteAt(close, labels.T0[i]);
            if (rows[i] < 0 || close[rows[i]] != labels.T0[i])
            {
                throw new ModelingException(ModelingErrorKind.InvalidInput, "A label's event time is not a bar close time of the feature table.")
                {
                    Field = "labels.T0",
                    Row = i,
                    Expected = "a close time of the feature table (features known at the event)",
                    Actual = ModelingChecks.Time(labels.T0[i]),
                };
            }
        }
        var weights = options.UniquenessWeights
            ? SampleUniqueness.NormalizeToMeanOne(SampleUniqueness.AverageUniqueness(close, labels.T0, labels.T1))
            : Enumerable.Repeat(1.0, labels.Count).ToArray();
        var finite = FiniteRows(table, columns);

        var order = Enumerable.Range(0, labels.Count).ToArray();
        var keys = labels.T0.ToArray();
        Array.Sort(order, (a, b) => keys[a] != keys[b] ? keys[a].CompareTo(keys[b]) : a.CompareTo(b));
        var nanLabelled = 0;
        var parts = new TrainingPart[3];
        foreach (var role in (SplitRole[])[SplitRole.Train, SplitRole.Validation, SplitRole.Test])
        {
            var picked = new List<int>();
            var labelledInRole = 0;
            foreach (var i in order)
            {
                if (split.Roles[i] != role)
                {
                    continue;
                }
                labelledInRole++;
                if (finite[rows[i]])
                {
                    picked.Add(i);
                }
                else
                {
                    nanLabelled++;
                }
            }
            if (picked.Count == 0)
            {
                throw new ModelingException(ModelingErrorKind.InvalidInput, $"The {role} part is empty.")
                {
                    Field = $"split.{role}",
                    Expected = "at least one sample with finite features",
                    Actual = $"0 of {labelledInRole} labelled samples ({split})",
                };
            }
            parts[(int)role] = Part(role, table, columns, labels, weights, rows, picked);
        }
        if (parts[0].Positives == 0 || parts[0].Positives == parts[0].Count)
        {
            throw new ModelingException(ModelingErrorKind.InvalidInput, "The train part holds one class only: a classifier cannot be fitted.")
            {
                Field = "labels",
                Expected = "both true and false labels in the train part",
                Actual = $"{parts[0].Positives} true of {parts[0].Count}",
            };
        }
        var counts = new TrainingSetCounts(table.Count, nanRowsBefore + nanLabelled, beyond, labels.Count,
            split.CountOf(SplitRole.Purged), split.CountOf(SplitRole.Embargoed));
        var names = columns.Select(c => table.ColumnNames[c]).ToArray();
        var definition = table.Definition;
        return new TrainingSet(names, $"{definition.Name} v{definition.Version}", definition.ContentHash, parts[0], parts[1], parts[2], counts);
    }

    private static TrainingPart Part(SplitRole role, FeatureTable table, int[] columns, TrainingLabels labels, double[] weights, int[] rows, List<int> picked)
    {
        var d = columns.Length;
        var features = new float[picked.Count * d];
        var y = new bool[picked.Count];
        var w = new float[picked.Count];
        var t0 = new long[picked.Count];
        var t1 = new long[picked.Count];
        var source = new int[picked.Count];
        for (var k = 0; k < picked.Count; k++)
        {
            var i = picked[k];
            for (var c = 0; c < d; c++)
            {
                features[(k * d) + c] = (float)table.Column(columns[c])[rows[i]];
            }
            y[k] = labels.Labels[i];
            w[k] = (float)weights[i];
            t0[k] = labels.T0[i];
            t1[k] = labels.T1[i];
            source[k] = rows[i];
        }
        return new TrainingPart(role, d, features, y, w, t0, t1, source);
    }

    /// <summary>The table indices of the selected columns; every one must exist and hold a finite value.</summary>
    internal static int[] ResolveColumns(FeatureTable table, TrainingSetOptions options)
    {
        var names = options.FeatureColumns ?? table.ColumnNames;
        var indices = new int[names.Count];
        for (var k = 0; k < names.Count; k++)
        {
            indices[k] = IndexOf(table.ColumnNames, names[k]);
            if (indices[k] < 0)
            {
                throw new ModelingException(ModelingErrorKind.InvalidInput, "The feature set lacks a requested column.")
                {
                    Field = names[k],
                    Expected = $"a column of feature set '{table.Definition.Name}' v{table.Definition.Version}",
                    Actual = $"columns {string.Join(", ", table.ColumnNames)}",
                };
            }
            var any = false;
            foreach (var v in table.Column(indices[k]))
            {
                if (double.IsFinite(v))
                {
                    any = true;
                    break;
                }
            }
            if (!any)
            {
                throw new ModelingException(ModelingErrorKind.InvalidInput, "A feature column holds no finite value (too short for its warm-up, or its input is missing).")
                {
                    Field = names[k],
                    Expected = "at least one finite value",
                    Actual = $"{table.Count.ToString(CultureInfo.InvariantCulture)} rows, none finite",
                };
            }
        }
        return indices;
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }

    private static bool[] FiniteRows(FeatureTable table, int[] columns)
    {
        var finite = new bool[table.Count];
        Array.Fill(finite, true);
        foreach (var c in columns)
        {
            var column = table.Column(c);
            for (var r = 0; r < finite.Length; r++)
            {
                // The float cast is checked too: a double beyond float range would become infinity in the vector.
                finite[r] &= double.IsFinite(column[r]) && float.IsFinite((float)column[r]);
            }
        }
        return finite;
    }
}
