using System.Globalization;
using Geo.Catchment.Inputs;
using Geo.Core;

namespace Geo.Catchment.Reports;

/// <summary>
/// Writes a <see cref="TravelMatrix"/> as the long CSV that <c>geo matrix</c> writes and <see cref="TravelMatrixReader.ReadLong"/>
/// reads: origin_id, destination_id, minutes, km, interchanges, fare_gbp, status (ok | unreachable | origin_unsnapped | destination_unsnapped).
/// </summary>
public static class MatrixCsvWriter
{
    public static void Write(string path, TravelMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        AtomicFile.WriteText(path, w =>
        {
            w.Write("origin_id,destination_id,minutes,km,interchanges,fare_gbp,status\n");
            var nd = matrix.DestinationCount;
            for (var o = 0; o < matrix.OriginCount; o++)
            {
                var origin = CsvText.Escape(matrix.OriginIds[o]);
                for (var d = 0; d < nd; d++)
                {
                    var cell = o * nd + d;
                    var minutes = matrix.Minutes[cell];
                    w.Write(origin);
                    w.Write(',');
                    w.Write(CsvText.Escape(matrix.DestinationIds[d]));
                    w.Write(',');
                    Number(w, minutes);
                    w.Write(',');
                    Number(w, matrix.Kilometres?[cell] ?? double.NaN);
                    w.Write(',');
                    Number(w, matrix.Interchanges?[cell] ?? double.NaN);
                    w.Write(',');
                    Number(w, matrix.Fares?[cell] ?? double.NaN);
                    w.Write(',');
                    var status = (matrix.UnsnappedOrigins?[o] ?? false) ? PairStatus.OriginUnsnapped
                        : (matrix.UnsnappedDestinations?[d] ?? false) ? PairStatus.DestinationUnsnapped
                        : double.IsNaN(minutes) ? PairStatus.Unreachable : PairStatus.Ok;
                    w.Write(status.ToCode());
                    w.Write('\n');
                }
            }
        });
    }

    private static void Number(TextWriter w, double value)
    {
        if (!double.IsNaN(value))
        {
            w.Write(value.ToString("0.####", CultureInfo.InvariantCulture));
        }
    }
}
