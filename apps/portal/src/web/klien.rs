//! The client's address: the connection's peer, or — only when the peer is a trusted reverse
//! proxy (`PSE_PROXY_TEPERCAYA`) — the nearest address in `X-Forwarded-For` that is not itself a
//! trusted proxy. Rate limits and login locks are counted per this address.

use crate::state::AppState;
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{HeaderMap, Request};
use std::convert::Infallible;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use tower_governor::GovernorError;
use tower_governor::key_extractor::KeyExtractor;

/// The address of the peer, resolved through trusted proxies.
pub fn alamat(peer: Option<IpAddr>, header: &HeaderMap, tepercaya: &[IpAddr]) -> IpAddr {
    let peer = peer.unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
    if !tepercaya.contains(&peer) {
        return peer;
    }
    let diteruskan: Vec<IpAddr> = header
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|a| a.trim().parse().ok())
        .collect();
    diteruskan
        .into_iter()
        .rev()
        .find(|a| !tepercaya.contains(a))
        .unwrap_or(peer)
}

fn peer<T>(req: &Request<T>) -> Option<IpAddr> {
    req.extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip())
}

/// The client's address of a request (an extractor).
#[derive(Debug, Clone, Copy)]
pub struct AlamatKlien(pub IpAddr);

impl FromRequestParts<AppState> for AlamatKlien {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, s: &AppState) -> Result<Self, Infallible> {
        let p = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip());
        Ok(Self(alamat(
            p,
            &parts.headers,
            &s.konfigurasi.proxy_tepercaya,
        )))
    }
}

impl AlamatKlien {
    /// As text, for the login lock.
    pub fn teks(&self) -> String {
        self.0.to_string()
    }
}

/// The rate limiter's key: the same client address.
#[derive(Debug, Clone)]
pub struct KunciKlien(pub Arc<Vec<IpAddr>>);

impl KeyExtractor for KunciKlien {
    type Key = IpAddr;

    fn extract<T>(&self, req: &Request<T>) -> Result<IpAddr, GovernorError> {
        Ok(alamat(peer(req), req.headers(), &self.0))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn header(xff: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert("x-forwarded-for", xff.parse().unwrap());
        h
    }

    #[test]
    fn r_x_02_forwarded_addresses_count_only_behind_a_trusted_proxy() {
        let proxy: IpAddr = "10.0.0.2".parse().unwrap();
        let klien: IpAddr = "203.0.113.7".parse().unwrap();
        let h = header("198.51.100.1, 203.0.113.7");
        assert_eq!(alamat(Some(proxy), &h, &[]), proxy, "untrusted: the peer");
        assert_eq!(
            alamat(Some(klien), &h, &[proxy]),
            klien,
            "not from the proxy"
        );
        assert_eq!(
            alamat(Some(proxy), &h, &[proxy]),
            klien,
            "the nearest address, not the one the client wrote first"
        );
        assert_eq!(
            alamat(Some(proxy), &HeaderMap::new(), &[proxy]),
            proxy,
            "no header: the proxy"
        );
    }
}
