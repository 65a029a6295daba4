#pragma once
/// attune host and attune join: playing on two machines.
#include <string>

namespace attune::cli {

constexpr unsigned short kDefaultPort = 47474;  ///< net::kDefaultPort (Net.cpp checks they agree)

struct HostArgs {
    std::string file;
    std::string role;  ///< the role the host's person plays; empty: the scenario's player
    std::string mode = "pass";
    int port = kDefaultPort;
    std::string code;  ///< empty: a random six-digit code
    std::string name;
    std::string script;  ///< picks for the host's own role
    std::string coaching = "immediate";
    int slowdown = 30;  ///< seconds the host waits after five wrong codes within a minute
};

struct JoinArgs {
    std::string address;  ///< HOST or HOST:PORT
    std::string code;     ///< empty: asked for on stdin
    std::string name;
    std::string script;  ///< picks for the joiner's own role
    std::string coaching = "immediate";
    float retrySeconds = 10.f;
};

int host(const HostArgs& a);
int join(const JoinArgs& a);

}  // namespace attune::cli
