using System.Text;

namespace Geo.Core;

/// <summary>A kind of binary artefact: its 8-byte magic (ASCII, zero-padded), payload format version and a name for messages.</summary>
public sealed record ArtefactKind
{
    public ArtefactKind(string magic, int formatVersion, string description)
    {
        ArgumentNullException.ThrowIfNull(magic);
        if (magic.Length is 0 or > 8)
        {
            throw new ArgumentException("the magic is 1 to 8 ASCII characters", nameof(magic));
        }
        MagicBytes = new byte[8];
        Encoding.ASCII.GetBytes(magic, MagicBytes);
        FormatVersion = formatVersion;
        Description = description;
    }

    public byte[] MagicBytes { get; }
    public int FormatVersion { get; }
    public string Description { get; }
}
