// The npm Toxiproxy client against Upbeat's Toxiproxy-compatible API. NodeClientTest starts the API
// and an echo server and passes their addresses in TOXIPROXY_URL and ECHO_ADDRESS.
import { test } from "node:test";
import assert from "node:assert/strict";
import net from "node:net";
import { Toxiproxy, ToxiproxyError } from "toxiproxy-node-client";

const toxiproxy = new Toxiproxy(process.env.TOXIPROXY_URL);
const echo = process.env.ECHO_ADDRESS;

function roundTrip(listen, text) {
  const colon = listen.lastIndexOf(":");
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: listen.slice(0, colon), port: Number(listen.slice(colon + 1)) });
    let answer = "";
    socket.on("connect", () => socket.end(text));
    socket.on("data", (d) => (answer += d));
    socket.on("end", () => resolve(answer));
    socket.on("error", reject);
  });
}

test("a proxy is created, listed, read, toggled and removed", async () => {
  const proxy = await toxiproxy.createProxy({ name: "node-echo", listen: "localhost:0", upstream: echo });
  assert.match(proxy.listen, /^127\.0\.0\.1:[1-9]\d*$/);
  assert.equal(proxy.enabled, true);
  assert.ok(Object.keys(await toxiproxy.getAll()).includes("node-echo"));
  assert.equal((await toxiproxy.get("node-echo")).upstream, echo);
  assert.equal(await roundTrip(proxy.listen, "hello"), "hello");

  const disabled = await proxy.update({ enabled: false, listen: proxy.listen, upstream: echo });
  assert.equal(disabled.enabled, false);
  await assert.rejects(roundTrip(proxy.listen, "x"), /ECONNREFUSED/);
  const enabled = await proxy.update({ enabled: true, listen: proxy.listen, upstream: echo });
  assert.equal(enabled.enabled, true);
  assert.equal(await roundTrip(proxy.listen, "again"), "again");

  await proxy.remove();
  await assert.rejects(toxiproxy.get("node-echo"), ToxiproxyError);
});

test("each toxic is added, read, updated and removed", async () => {
  const proxy = await toxiproxy.createProxy({ name: "node-toxics", listen: "localhost:0", upstream: echo });
  const toxics = [
    ["latency", { latency: 100, jitter: 10 }],
    ["bandwidth", { rate: 64 }],
    ["slow_close", { delay: 50 }],
    ["timeout", { timeout: 0 }],
    ["reset_peer", { timeout: 20 }],
    ["slicer", { average_size: 10, size_variation: 2, delay: 5 }],
    ["limit_data", { bytes: 100 }],
  ];
  for (const [type, attributes] of toxics) {
    const toxic = await proxy.addToxic({ name: type, type, stream: "upstream", toxicity: 1, attributes });
    assert.deepEqual(toxic.attributes, attributes);
    const read = await proxy.getToxic(type);
    assert.equal(read.type, type);
    assert.equal(read.stream, "upstream");
    const updated = await read.update({ attributes: attributes, toxicity: 0.5 });
    assert.equal(updated.toxicity, 0.5);
    await read.remove();
    await assert.rejects(proxy.getToxic(type), ToxiproxyError);
  }
  await proxy.remove();
});

test("a latency toxic delays the answer by its milliseconds", async () => {
  const proxy = await toxiproxy.createProxy({ name: "node-latency", listen: "localhost:0", upstream: echo });
  await proxy.addToxic({ name: "slow", type: "latency", stream: "downstream", toxicity: 1, attributes: { latency: 200, jitter: 0 } });
  const start = performance.now();
  assert.equal(await roundTrip(proxy.listen, "ping"), "ping");
  assert.ok(performance.now() - start >= 200);
  await proxy.remove();
});

test("populate answers the proxies and reset removes toxics", async () => {
  const proxies = await toxiproxy.populate([
    { name: "node-a", listen: "localhost:0", upstream: echo },
    { name: "node-b", listen: "localhost:0", upstream: echo, enabled: false },
  ]);
  assert.deepEqual(Object.keys(proxies).sort(), ["node-a", "node-b"]);
  assert.equal(proxies["node-b"].enabled, false);
  await proxies["node-a"].addToxic({ name: "slow", type: "latency", stream: "downstream", toxicity: 1, attributes: { latency: 1000, jitter: 0 } });
  await toxiproxy.reset();
  await assert.rejects((await toxiproxy.get("node-a")).getToxic("slow"), /status code 404/);
  assert.equal((await toxiproxy.get("node-b")).enabled, true);
});

test("the error cases are refused", async () => {
  await toxiproxy.createProxy({ name: "node-dup", listen: "localhost:0", upstream: echo });
  await assert.rejects(toxiproxy.createProxy({ name: "node-dup", listen: "localhost:0", upstream: echo }), /status code 409/);
  const proxy = await toxiproxy.get("node-dup");
  await assert.rejects(proxy.addToxic({ name: "x", type: "explode", stream: "upstream", toxicity: 1, attributes: {} }), /status code 400/);
  await assert.rejects(proxy.addToxic({ name: "y", type: "latency", stream: "sideways", toxicity: 1, attributes: {} }), /status code 400/);
  await assert.rejects(toxiproxy.get("missing"), /status code 404/);
});

test("the version is a 2.x Toxiproxy", async () => {
  assert.match(await toxiproxy.getVersion(), /"version": "2\.12\.0"/);
});
