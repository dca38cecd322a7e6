using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace AfterSales.Modules.Webhooks;

/// <summary>
/// Keeps tenants' webhooks off the service's own network (SSRF): a tenant types the URL, the servers call it, so an address
/// such as 169.254.169.254 (a cloud's metadata) or 10.0.0.5 (a database) would let a tenant reach what only the servers can.
/// Checked when an endpoint is saved (an address written as such) and again on every connection, after DNS, so a name that
/// resolves to an internal address — or starts to later — is refused as well. <c>Webhooks:AllowPrivateNetworks</c> turns
/// both off (Development, tests, an on-premises install calling its own ERP).
/// </summary>
public static class WebhookAddresses
{
    public const string AllowPrivateNetworksKey = "Webhooks:AllowPrivateNetworks";

    private static readonly IPNetwork[] Internal =
    [
        IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("100.64.0.0/10"), IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("192.0.0.0/24"), IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"), IPNetwork.Parse("224.0.0.0/3"),
        IPNetwork.Parse("::/128"), IPNetwork.Parse("::1/128"), IPNetwork.Parse("fc00::/7"), IPNetwork.Parse("fe80::/10"), IPNetwork.Parse("ff00::/8"),
    ];

    /// <summary>Whether <paramref name="address"/> is loopback, private, link-local, shared (CGNAT), multicast or otherwise not on the internet.</summary>
    public static bool IsInternal(IPAddress address)
    {
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return Internal.Any(network => network.Contains(plain));
    }

    /// <summary>Whether the URL's host is written as an internal address or names this machine; names are resolved only when connecting.</summary>
    public static bool NamesInternalHost(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var address) && IsInternal(address));

    /// <summary>
    /// Connects only to public addresses of the host: the <see cref="SocketsHttpHandler.ConnectCallback"/> of the webhooks' client
    /// when private networks are not allowed.
    /// </summary>
    public static async ValueTask<Stream> ConnectPubliclyAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);

        // Through a proxy the connection is to the proxy the operator configured, which is then the one to refuse internal targets.
        var toProxy = context.InitialRequestMessage.RequestUri is { } target && !string.Equals(target.IdnHost.Trim('[', ']'), host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase);
        var allowed = toProxy ? addresses : addresses.Where(a => !IsInternal(a)).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException($"{host} is an address in a private network; webhooks call public addresses only.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The webhooks' connection handler: no redirects (a redirect could lead anywhere), no cookies, public addresses unless allowed.</summary>
    public static SocketsHttpHandler Handler(bool allowPrivateNetworks) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectCallback = allowPrivateNetworks ? null : ConnectPubliclyAsync,
    };
}
