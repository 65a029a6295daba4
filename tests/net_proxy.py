#!/usr/bin/env python3
"""A recording TCP proxy for the two-machine tests: listens on LISTEN, forwards each
connection to 127.0.0.1:TARGET, and appends every byte that passes, both ways, to FILE.
Exits after SECONDS."""
import select
import socket
import sys
import time

listen_port, target_port, record, seconds = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], float(sys.argv[4])
server = socket.socket()
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", listen_port))
server.listen(4)
pairs = {}
end = time.time() + seconds
with open(record, "ab") as out:
    while time.time() < end:
        ready, _, _ = select.select([server] + list(pairs), [], [], 0.2)
        for s in ready:
            if s is server:
                client, _ = server.accept()
                upstream = socket.create_connection(("127.0.0.1", target_port))
                pairs[client], pairs[upstream] = upstream, client
                continue
            data = s.recv(65536)
            other = pairs.get(s)
            if not data:
                for x in (s, other):
                    pairs.pop(x, None)
                    x.close()
                continue
            out.write(data)
            out.flush()
            other.sendall(data)
