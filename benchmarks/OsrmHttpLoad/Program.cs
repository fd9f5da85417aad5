using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;

// Usage: OsrmHttpLoad <base-url> table <n> <repeats>         one n x n table (durations and distances), repeated; prints each time
//        OsrmHttpLoad <base-url> load <n> <clients> <seconds>  clients each sending n x n tables back to back; prints req/s, p50, p99, errors
// Points: uniform over the Isle of Wight's bounding box (seed 42), kept when /nearest snaps them (within the server's limit).
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: OsrmHttpLoad <base-url> table <n> <repeats> | load <n> <clients> <seconds>");
    return 2;
}
var baseUrl = new Uri(args[0].EndsWith('/') ? args[0] : args[0] + "/");
using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, AutomaticDecompression = DecompressionMethods.None })
{
    BaseAddress = baseUrl,
    Timeout = TimeSpan.FromMinutes(5),
};
var n = int.Parse(args[2], CultureInfo.InvariantCulture);
var points = await Points(client, n);

if (args[1] == "table")
{
    var repeats = int.Parse(args[3], CultureInfo.InvariantCulture);
    var url = new Uri($"table/v1/driving/{Coordinates(points)}?annotations=duration,distance", UriKind.Relative);
    Console.WriteLine($"URL length {url.OriginalString.Length} chars");
    for (var i = 0; i < repeats; i++)
    {
        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync(url);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        clock.Stop();
        using var json = JsonDocument.Parse(bytes);
        var rows = json.RootElement.GetProperty("durations").GetArrayLength();
        Console.WriteLine($"{(int)response.StatusCode} {rows}x{json.RootElement.GetProperty("durations")[0].GetArrayLength()} {bytes.Length / 1e6:0.0} MB {clock.Elapsed.TotalSeconds:0.000} s");
    }
    return 0;
}

var clients = int.Parse(args[3], CultureInfo.InvariantCulture);
var seconds = double.Parse(args[4], CultureInfo.InvariantCulture);
var stop = DateTime.UtcNow.AddSeconds(seconds);
var latencies = new List<double>[clients];
var errors = 0;
var tasks = Enumerable.Range(0, clients).Select(async c =>
{
    latencies[c] = [];
    var mine = new Random(c);
    while (DateTime.UtcNow < stop)
    {
        // A different 100 x 100 slice of the point set each time: offset into a 1,000-point list.
        var offset = mine.Next(points.Count - n + 1);
        var url = new Uri($"table/v1/driving/{Coordinates(points.GetRange(offset, n))}?annotations=duration,distance", UriKind.Relative);
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await client.GetAsync(url);
            await response.Content.ReadAsByteArrayAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                Interlocked.Increment(ref errors);
            }
        }
        catch (HttpRequestException)
        {
            Interlocked.Increment(ref errors);
        }
        latencies[c].Add(clock.Elapsed.TotalMilliseconds);
    }
}).ToArray();
await Task.WhenAll(tasks);
var all = latencies.SelectMany(l => l).Order().ToArray();
double Percentile(double p) => all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)];
Console.WriteLine($"{clients} clients, {n}x{n} tables, {seconds:0} s: {all.Length} requests, {all.Length / seconds:0.0} req/s, "
    + $"p50 {Percentile(0.50):0.0} ms, p99 {Percentile(0.99):0.0} ms, max {all[^1]:0.0} ms, errors {errors}");
return 0;

static string Coordinates(IEnumerable<(double Lon, double Lat)> points) =>
    string.Join(';', points.Select(p => p.Lon.ToString("F6", CultureInfo.InvariantCulture) + "," + p.Lat.ToString("F6", CultureInfo.InvariantCulture)));

static async Task<List<(double Lon, double Lat)>> Points(HttpClient client, int n)
{
    var random = new Random(42);
    var points = new List<(double, double)>();
    var wanted = Math.Max(n, 1000);
    while (points.Count < wanted)
    {
        var lon = -1.55 + (random.NextDouble() * 0.45);
        var lat = 50.59 + (random.NextDouble() * 0.16);
        using var response = await client.GetAsync(new Uri($"nearest/v1/driving/{lon.ToString("F6", CultureInfo.InvariantCulture)},{lat.ToString("F6", CultureInfo.InvariantCulture)}?radiuses=300", UriKind.Relative));
        if (response.StatusCode == HttpStatusCode.OK)
        {
            points.Add((lon, lat));
        }
    }
    return points;
}
