using System.ComponentModel;
using Geo.Core;
using Spectre.Console.Cli;

namespace Geo.Cli.Commands;

/// <summary>
/// The options of every command that reads CSV inputs (zones, sites, providers, visits, matrices): --strict and --encoding.
/// <see cref="Input"/> is created once per command run, so every reader of the run logs into the same issue log.
/// </summary>
public abstract class InputSettings : CommandSettings
{
    private InputOptions? _input;

    [CommandOption("--strict")]
    [Description("Treat any problem in an input row (empty or repeated id, bad coordinate, number or value) as an error: exit 3 naming file, line and field. Default: such rows are skipped (or the value read as missing), counted and listed in input_issues.csv")]
    public bool Strict { get; init; }

    [CommandOption("--encoding <NAME>")]
    [Description("Text encoding of the CSV inputs: utf-8, windows-1252 (Excel's plain \"CSV\" on Windows) or latin1. Default: utf-8")]
    public string? Encoding { get; init; }

    /// <summary>The run's input options (encoding and issue log), created on first use; an unknown --encoding is exit 2.</summary>
    public InputOptions Input => _input ??= InputOptions.For(Encoding, Strict);
}
