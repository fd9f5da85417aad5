using System.Diagnostics;
using System.Text.Json;
using Geo.Core;

namespace Geo.Routing.Jobs;

/// <summary>
/// Wall-clock time per named phase of a command (read, load, contract, snap, route, write; a phase entered again adds
/// to its total, e.g. route and write alternating per batch) and the process's peak memory, for the summary a command
/// prints and for <c>--summary-json</c>. Not thread-safe: phases are switched by the thread that drives the stages.
/// </summary>
public sealed class PhaseTimer
{
    private readonly Stopwatch _total = Stopwatch.StartNew();
    private readonly List<string> _names = [];
    private readonly Dictionary<string, TimeSpan> _elapsed = [];
    private string? _current;
    private long _started;

    /// <summary>Ends the current phase and starts (or resumes) <paramref name="phase"/>.</summary>
    public void Start(string phase)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(phase);
        Stop();
        if (!_elapsed.ContainsKey(phase))
        {
            _names.Add(phase);
            _elapsed[phase] = TimeSpan.Zero;
        }
        _current = phase;
        _started = Stopwatch.GetTimestamp();
    }

    /// <summary>Ends the current phase, if any.</summary>
    public void Stop()
    {
        if (_current is not null)
        {
            _elapsed[_current] += Stopwatch.GetElapsedTime(_started);
            _current = null;
        }
    }

    /// <summary>Phases in the order first entered, with their total time.</summary>
    public IReadOnlyList<(string Phase, TimeSpan Elapsed)> Phases => _names.Select(n => (n, _elapsed[n])).ToArray();

    public TimeSpan Total => _total.Elapsed;

    /// <summary>Peak resident memory of this process so far (bytes).</summary>
    public static long PeakMemoryBytes
    {
        get
        {
            using var process = Process.GetCurrentProcess();
            return process.PeakWorkingSet64;
        }
    }

    /// <summary>Writes the phases, total, peak memory and the given facts as JSON, atomically.</summary>
    public void WriteJson(string path, string command, IReadOnlyDictionary<string, object?> facts)
    {
        Stop();
        WriteJson(path, command, Phases, Total, facts);
    }

    /// <summary>
    /// The one <c>--summary-json</c> layout: command, phases (name, seconds), total seconds, peak memory of this process
    /// and the command's facts, written atomically.
    /// </summary>
    public static void WriteJson(string path, string command, IReadOnlyList<(string Phase, TimeSpan Elapsed)> phases, TimeSpan total,
        IReadOnlyDictionary<string, object?> facts)
    {
        ArgumentNullException.ThrowIfNull(phases);
        ArgumentNullException.ThrowIfNull(facts);
        AtomicFile.Write(path, stream =>
        {
            using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            json.WriteStartObject();
            json.WriteString("command", command);
            json.WriteStartArray("phases");
            foreach (var (phase, elapsed) in phases)
            {
                json.WriteStartObject();
                json.WriteString("phase", phase);
                json.WriteNumber("seconds", Math.Round(elapsed.TotalSeconds, 3));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteNumber("total_seconds", Math.Round(total.TotalSeconds, 3));
            json.WriteNumber("peak_memory_bytes", PeakMemoryBytes);
            foreach (var (key, value) in facts)
            {
                json.WritePropertyName(key);
                WriteValue(json, value);
            }
            json.WriteEndObject();
        });
    }

    /// <summary>
    /// Numbers, text and flags written directly (what the serializer writes for them); anything else through the
    /// serializer. Its reflection path costs a short command tens of milliseconds of JIT at exit.
    /// </summary>
    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case string text:
                json.WriteStringValue(text);
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case int number:
                json.WriteNumberValue(number);
                break;
            case long number:
                json.WriteNumberValue(number);
                break;
            case double number:
                json.WriteNumberValue(number);
                break;
            default:
                JsonSerializer.Serialize(json, value);
                break;
        }
    }
}
