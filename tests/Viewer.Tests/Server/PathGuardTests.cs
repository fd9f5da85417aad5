using Geo.Viewer.Server;

namespace Geo.Viewer.Tests.Server;

[TestFixture]
public sealed class PathGuardTests
{
    [TestCase("/", true)]
    [TestCase("/api/scores?option=A&mode=car", true)]
    [TestCase("/files/maps/change.png", true)]
    [TestCase("/api/scores?next=../x", true)]
    [TestCase("/files/../x", false)]
    [TestCase("/files/%2e%2e/x", false)]
    [TestCase("/files/%2E./x", false)]
    [TestCase("/files/a%2fb", false)]
    [TestCase("/files/a%5Cb", false)]
    [TestCase("/files/a\\b", false)]
    [TestCase("/files//etc/passwd", false)]
    [TestCase("/files/c:/x", false)]
    [TestCase("/files/a%00b", false)]
    [TestCase("http://evil/x", false)]
    [TestCase("*", false)]
    public void IsSafeRawPath_Examples(string raw, bool safe) => Assert.That(PathGuard.IsSafeRawPath(raw), Is.EqualTo(safe));

    [Test]
    public void TryResolve_InsideAndOutside()
    {
        string root = Path.Combine(Path.GetTempPath(), "pg-root");
        Assert.Multiple(() =>
        {
            Assert.That(PathGuard.TryResolve(root, "maps/a.png", out string full), Is.True);
            Assert.That(full, Is.EqualTo(Path.Combine(root, "maps", "a.png")));
            Assert.That(PathGuard.TryResolve(root, "../pg-root-evil/a.png", out _), Is.False);
            Assert.That(PathGuard.TryResolve(root, "/etc/passwd", out _), Is.False);
            Assert.That(PathGuard.TryResolve(root, "maps/../../x", out _), Is.False);
            Assert.That(PathGuard.TryResolve(root, "maps//x", out _), Is.False);
            Assert.That(PathGuard.TryResolve(root, "./x", out _), Is.False);
            Assert.That(PathGuard.TryResolve(root, "a\\..\\..\\x", out _), Is.False);
            Assert.That(PathGuard.TryResolve(root, string.Empty, out _), Is.False);
        });
    }

    [Test]
    public void TryResolve_SymlinkInsideFolder_Refused()
    {
        string root = Path.Combine(Path.GetTempPath(), "geo-viewer-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "maps"));
        try
        {
            File.WriteAllText(Path.Combine(root, "maps", "ok.png"), "x");
            File.CreateSymbolicLink(Path.Combine(root, "maps", "passwd.png"), "/etc/passwd");
            Directory.CreateSymbolicLink(Path.Combine(root, "etc"), "/etc");
            var fi = new FileInfo(Path.Combine(root, "maps", "passwd.png"));
            Assert.That(fi.LinkTarget, Is.EqualTo("/etc/passwd"), "exists=" + fi.Exists + " dir=" + Directory.Exists(fi.FullName));
            Assert.That(PathGuard.TryResolve(root, "maps/ok.png", out _), Is.True);
            Assert.That(PathGuard.TryResolve(root, "maps/passwd.png", out _), Is.False);
            Assert.That(PathGuard.TryResolve(root, "etc/passwd", out _), Is.False);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
