using System.Globalization;
using Geo.Core;

namespace Geo.Catchment.Need;

/// <summary>
/// A need (demand) index per zone as an arithmetic expression over zone columns, e.g.
/// <c>population*1 + age65plus*2 + imd_core20*500</c>.
/// <para>Grammar: numbers (invariant culture, e.g. <c>0.5</c>, <c>1e3</c>), column names (letters, digits, <c>_</c> and <c>.</c>,
/// not starting with a digit; a name with other characters goes in double quotes, e.g. <c>"MF50-84"</c>, unless the whole
/// expression is that one column name), <c>+ - * /</c>
/// with the usual precedence, unary minus and parentheses. Column names match exactly first, then ignoring case.</para>
/// <para>Derived columns offered by <see cref="AddDerivedColumns"/>: <c>imd_core20</c> (1 when the IMD decile is 1 or 2, else 0)
/// and <c>imd_quintile</c>.</para>
/// <para>Evaluation fails (with the zone named) if a value is missing (NaN), the result is negative or not finite.</para>
/// </summary>
public sealed class NeedExpression
{
    private readonly Node _root;

    private NeedExpression(string text, Node root, IReadOnlyList<string> columns)
    {
        Text = text;
        _root = root;
        Columns = columns;
    }

    public string Text { get; }

    /// <summary>Column names used by the expression, in order of first use.</summary>
    public IReadOnlyList<string> Columns { get; }

    public static NeedExpression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new Parser(text);
        var root = parser.ParseExpression();
        parser.ExpectEnd();
        return new NeedExpression(text, root, parser.Columns);
    }

    /// <summary>
    /// Evaluates the expression for every row. <paramref name="rowNames"/> (optional) names rows in error messages.
    /// Throws <see cref="NeedExpressionException"/> for an unknown column (listing the available ones), a missing value or a negative result.
    /// </summary>
    public double[] Evaluate(IReadOnlyDictionary<string, double[]> columns, int rowCount, IReadOnlyList<string>? rowNames = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var resolved = new Dictionary<string, double[]>(StringComparer.Ordinal);
        // A bare column name such as MF50-84 reads as arithmetic; when the whole text names a column, it means that column.
        var wholeText = Text.Trim();
        var root = _root;
        if (columns.ContainsKey(wholeText) && !(Columns.Count == 1 && Columns[0] == wholeText))
        {
            root = new Column(wholeText);
            resolved[wholeText] = Resolve(columns, wholeText, rowCount);
        }
        else
        {
            foreach (var name in Columns)
            {
                resolved[name] = Resolve(columns, name, rowCount);
            }
        }
        var result = new double[rowCount];
        for (var row = 0; row < rowCount; row++)
        {
            var value = root.Evaluate(resolved, row, out var missing);
            if (missing is not null)
            {
                throw new NeedExpressionException($"need expression '{Text}': column '{missing}' has no value for {RowName(rowNames, row)}");
            }
            if (!double.IsFinite(value) || value < 0)
            {
                throw new NeedExpressionException(string.Create(CultureInfo.InvariantCulture,
                    $"need expression '{Text}' gives {value:G6} for {RowName(rowNames, row)}; need must be finite and >= 0"));
            }
            result[row] = value;
        }
        return result;
    }

    /// <summary>Adds <c>imd_core20</c> and <c>imd_quintile</c> computed from IMD deciles (0 = unknown gives 0) unless already present.</summary>
    public static void AddDerivedColumns(IDictionary<string, double[]> columns, int[] imdDecile)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(imdDecile);
        if (!columns.ContainsKey("imd_core20"))
        {
            columns["imd_core20"] = imdDecile.Select(d => Imd.IsCore20(d) ? 1.0 : 0.0).ToArray();
        }
        if (!columns.ContainsKey("imd_quintile"))
        {
            columns["imd_quintile"] = imdDecile.Select(d => (double)Imd.Quintile(d)).ToArray();
        }
    }

    private static string RowName(IReadOnlyList<string>? names, int row) =>
        names is not null && row < names.Count ? $"zone '{names[row]}'" : $"row {row + 1}";

    private double[] Resolve(IReadOnlyDictionary<string, double[]> columns, string name, int rowCount)
    {
        if (!columns.TryGetValue(name, out var values))
        {
            var matches = columns.Keys.Where(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (matches.Count != 1)
            {
                var known = columns.Keys.Order(StringComparer.OrdinalIgnoreCase).ToList();
                throw new NeedExpressionException(
                    $"need expression '{Text}': unknown column '{name}'. Available columns: {(known.Count == 0 ? "(none)" : string.Join(", ", known))}");
            }
            values = columns[matches[0]];
        }
        if (values.Length != rowCount)
        {
            throw new NeedExpressionException($"need expression '{Text}': column '{name}' has {values.Length} values, expected {rowCount}");
        }
        return values;
    }

    private abstract class Node
    {
        public abstract double Evaluate(Dictionary<string, double[]> columns, int row, out string? missing);
    }

    private sealed class Number(double value) : Node
    {
        public override double Evaluate(Dictionary<string, double[]> columns, int row, out string? missing)
        {
            missing = null;
            return value;
        }
    }

    private sealed class Column(string name) : Node
    {
        public override double Evaluate(Dictionary<string, double[]> columns, int row, out string? missing)
        {
            var value = columns[name][row];
            missing = double.IsNaN(value) ? name : null;
            return value;
        }
    }

    private sealed class Negate(Node operand) : Node
    {
        public override double Evaluate(Dictionary<string, double[]> columns, int row, out string? missing) => -operand.Evaluate(columns, row, out missing);
    }

    private sealed class Binary(char op, Node left, Node right) : Node
    {
        public override double Evaluate(Dictionary<string, double[]> columns, int row, out string? missing)
        {
            var a = left.Evaluate(columns, row, out missing);
            if (missing is not null)
            {
                return double.NaN;
            }
            var b = right.Evaluate(columns, row, out missing);
            return op switch
            {
                '+' => a + b,
                '-' => a - b,
                '*' => a * b,
                _ => a / b,
            };
        }
    }

    private sealed class Parser(string text)
    {
        private int _position;

        public List<string> Columns { get; } = [];

        public Node ParseExpression()
        {
            var left = ParseTerm();
            while (TryConsume('+', '-', out var op))
            {
                left = new Binary(op, left, ParseTerm());
            }
            return left;
        }

        public void ExpectEnd()
        {
            SkipSpaces();
            if (_position < text.Length)
            {
                throw Error($"unexpected '{text[_position]}'");
            }
        }

        private Node ParseTerm()
        {
            var left = ParseFactor();
            while (TryConsume('*', '/', out var op))
            {
                left = new Binary(op, left, ParseFactor());
            }
            return left;
        }

        private Node ParseFactor()
        {
            SkipSpaces();
            if (_position >= text.Length)
            {
                throw Error("expected a number, a column name or '(' but the expression ended");
            }
            var c = text[_position];
            if (c == '-')
            {
                _position++;
                return new Negate(ParseFactor());
            }
            if (c == '+')
            {
                _position++;
                return ParseFactor();
            }
            if (c == '(')
            {
                _position++;
                var inner = ParseExpression();
                SkipSpaces();
                if (_position >= text.Length || text[_position] != ')')
                {
                    throw Error("expected ')'");
                }
                _position++;
                return inner;
            }
            if (c == '"')
            {
                var end = text.IndexOf('"', _position + 1);
                if (end < 0)
                {
                    throw Error("unterminated quoted column name");
                }
                var name = text[(_position + 1)..end];
                _position = end + 1;
                return AddColumn(name);
            }
            if (char.IsDigit(c) || c == '.')
            {
                var start = _position;
                while (_position < text.Length && (char.IsDigit(text[_position]) || text[_position] == '.'))
                {
                    _position++;
                }
                if (_position < text.Length && text[_position] is 'e' or 'E')
                {
                    var save = _position;
                    _position++;
                    if (_position < text.Length && text[_position] is '+' or '-')
                    {
                        _position++;
                    }
                    if (_position < text.Length && char.IsDigit(text[_position]))
                    {
                        while (_position < text.Length && char.IsDigit(text[_position]))
                        {
                            _position++;
                        }
                    }
                    else
                    {
                        _position = save;
                    }
                }
                var token = text[start.._position];
                if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    _position = start;
                    throw Error($"'{token}' is not a number");
                }
                return new Number(value);
            }
            if (char.IsLetter(c) || c == '_')
            {
                var start = _position;
                while (_position < text.Length && (char.IsLetterOrDigit(text[_position]) || text[_position] is '_' or '.'))
                {
                    _position++;
                }
                return AddColumn(text[start.._position]);
            }
            throw Error($"unexpected '{c}'");
        }

        private Column AddColumn(string name)
        {
            if (!Columns.Contains(name))
            {
                Columns.Add(name);
            }
            return new Column(name);
        }

        private bool TryConsume(char a, char b, out char op)
        {
            SkipSpaces();
            if (_position < text.Length && (text[_position] == a || text[_position] == b))
            {
                op = text[_position++];
                return true;
            }
            op = default;
            return false;
        }

        private void SkipSpaces()
        {
            while (_position < text.Length && char.IsWhiteSpace(text[_position]))
            {
                _position++;
            }
        }

        private NeedExpressionException Error(string problem) =>
            new($"need expression '{text}': {problem} at position {_position + 1}");
    }
}
