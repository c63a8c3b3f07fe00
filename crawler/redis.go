package crawler

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/bits"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
)

// RedisOptions tunes NewRedisShared. The zero value works.
type RedisOptions struct {
	// Prefix namespaces every key; default "kozan:crawl:". Processes that
	// split one crawl must use the same prefix.
	Prefix string
	// TTL bounds how long the visited set and claims live; a URL is fetched
	// again by the first crawl that starts after its claim expired. It must be
	// longer than a crawl and shorter than the interval between crawls;
	// default 30 minutes.
	TTL time.Duration
	// Lease is how long a process may hold a task it took before another
	// process takes it over (the holder crashed or hangs); default 2
	// minutes. A task taken over twice is fetched twice at worst: a page is
	// still emitted once (its claim is shared).
	Lease time.Duration
}

// RedisShared is Shared over Redis: a frontier list, a visited key per URL
// (SET NX with TTL, atomic with the push), a pending counter, an in-flight
// hash of lent tasks with their lease deadlines, claims, and a last-request
// time per host, so that several processes split one crawl, never fetch the
// same URL twice while they are alive, and finish the tasks of one that
// died.
//
// It also keeps the article fingerprints every process's store has
// recorded (ClaimFingerprint), across crawls, so that a copy one process
// fetches of an article another process stored is known as a copy.
type RedisShared struct {
	rdb    *redis.Client
	prefix string
	ttl    time.Duration
	lease  time.Duration

	fpMu sync.Mutex
	fps  []fingerprint // the fingerprint list as far as this process has read it, in list order
}

// fingerprint is one entry of the shared fingerprint list.
type fingerprint struct {
	fp  uint64
	url string
}

// enqueueScript claims the URL and pushes the task in one step.
// KEYS: seen key, frontier, pending. ARGV: task JSON, TTL ms.
var enqueueScript = redis.NewScript(`
if redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[2]) then
  redis.call('RPUSH', KEYS[2], ARGV[1])
  redis.call('INCR', KEYS[3])
  redis.call('PEXPIRE', KEYS[2], ARGV[2])
  redis.call('PEXPIRE', KEYS[3], ARGV[2])
  return 1
end
return 0`)

// nextScript lends the first task of the frontier, or else one whose lease
// ran out, recording its deadline in the in-flight hash.
// KEYS: frontier, inflight. ARGV: lease ms, TTL ms.
var nextScript = redis.NewScript(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local task = redis.call('LPOP', KEYS[1])
if not task then
  local all = redis.call('HGETALL', KEYS[2])
  for i = 1, #all, 2 do
    if tonumber(all[i + 1]) < now then
      task = all[i]
      break
    end
  end
  if not task then
    return false
  end
end
redis.call('HSET', KEYS[2], task, now + tonumber(ARGV[1]))
redis.call('PEXPIRE', KEYS[2], ARGV[2])
return task`)

// doneScript ends a loan; pending drops once per task even when a slow
// holder and its successor both finish it.
// KEYS: inflight, pending. ARGV: task.
var doneScript = redis.NewScript(`
if redis.call('HDEL', KEYS[1], ARGV[1]) == 1 then
  redis.call('DECR', KEYS[2])
end
return 0`)

// slotScript takes the host's request slot when the last one is old enough.
// KEYS: host key. ARGV: delay ms. Returns ms to wait (0: taken).
var slotScript = redis.NewScript(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local last = tonumber(redis.call('GET', KEYS[1]) or '-1')
local delay = tonumber(ARGV[1])
if last >= 0 and last + delay > now then
  return last + delay - now
end
redis.call('SET', KEYS[1], now, 'PX', delay + 600000)
return 0`)

// NewRedisShared connects to Redis (redis://host:port/db, as in kozan.yaml
// `state:`) and returns a Shared for scale-out. Close the returned closer
// when the crawl is over.
func NewRedisShared(ctx context.Context, url string, opt RedisOptions) (*RedisShared, func() error, error) {
	o, err := redis.ParseURL(url)
	if err != nil {
		return nil, nil, fmt.Errorf("redis %s: %w", url, err)
	}
	rdb := redis.NewClient(o)
	if err := rdb.Ping(ctx).Err(); err != nil {
		rdb.Close()
		return nil, nil, fmt.Errorf("redis %s: %w", o.Addr, err)
	}
	if opt.Prefix == "" {
		opt.Prefix = "kozan:crawl:"
	}
	if opt.TTL <= 0 {
		opt.TTL = 30 * time.Minute
	}
	if opt.Lease <= 0 {
		opt.Lease = 2 * time.Minute
	}
	return &RedisShared{rdb: rdb, prefix: opt.Prefix, ttl: opt.TTL, lease: opt.Lease}, rdb.Close, nil
}

func (r *RedisShared) key(parts ...string) string {
	k := r.prefix
	for i, p := range parts {
		if i > 0 {
			k += ":"
		}
		k += p
	}
	return k
}

func (r *RedisShared) Enqueue(ctx context.Context, t Task) (bool, error) {
	b, err := json.Marshal(t)
	if err != nil {
		return false, fmt.Errorf("redis enqueue: %w", err)
	}
	n, err := enqueueScript.Run(ctx, r.rdb, []string{r.key("seen", t.URL), r.key("frontier"), r.key("pending")},
		string(b), r.ttl.Milliseconds()).Int()
	if err != nil {
		return false, fmt.Errorf("redis enqueue: %w", err)
	}
	return n == 1, nil
}

func (r *RedisShared) Next(ctx context.Context) (Task, bool, error) {
	raw, err := nextScript.Run(ctx, r.rdb, []string{r.key("frontier"), r.key("inflight")},
		r.lease.Milliseconds(), r.ttl.Milliseconds()).Text()
	if errors.Is(err, redis.Nil) {
		return Task{}, false, nil
	}
	if err != nil {
		return Task{}, false, fmt.Errorf("redis next: %w", err)
	}
	var t Task
	if err := json.Unmarshal([]byte(raw), &t); err != nil {
		return Task{}, false, fmt.Errorf("redis next: %w", err)
	}
	t.raw = raw
	return t, true, nil
}

func (r *RedisShared) Done(ctx context.Context, t Task) error {
	if t.raw == "" {
		return errors.New("redis done: a task not taken with Next")
	}
	if err := doneScript.Run(ctx, r.rdb, []string{r.key("inflight"), r.key("pending")}, t.raw).Err(); err != nil && !errors.Is(err, redis.Nil) {
		return fmt.Errorf("redis done: %w", err)
	}
	return nil
}

func (r *RedisShared) Pending(ctx context.Context) (int64, error) {
	n, err := r.rdb.Get(ctx, r.key("pending")).Int64()
	if errors.Is(err, redis.Nil) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("redis pending: %w", err)
	}
	return n, nil
}

func (r *RedisShared) Claim(ctx context.Context, key string) (bool, error) {
	ok, err := r.rdb.SetNX(ctx, r.key("claim", key), 1, r.ttl).Result()
	if err != nil {
		return false, fmt.Errorf("redis claim: %w", err)
	}
	return ok, nil
}

func (r *RedisShared) HostSlot(ctx context.Context, host string, delay time.Duration) (time.Duration, error) {
	ms, err := slotScript.Run(ctx, r.rdb, []string{r.key("host", host)}, delay.Milliseconds()).Int64()
	if err != nil {
		return 0, fmt.Errorf("redis host slot: %w", err)
	}
	return time.Duration(ms) * time.Millisecond, nil
}

// claimFingerprintScript appends an entry to the fingerprint list unless
// the list holds entries the caller has not read yet; then it returns those
// instead, for the caller to compare and try again.
// KEYS: list. ARGV: entries read, entry. Returns 1 when appended.
var claimFingerprintScript = redis.NewScript(`
if redis.call('LLEN', KEYS[1]) == tonumber(ARGV[1]) then
  redis.call('RPUSH', KEYS[1], ARGV[2])
  return 1
end
return redis.call('LRANGE', KEYS[1], ARGV[1], -1)`)

// maxClaimRounds bounds how often ClaimFingerprint reads entries other
// processes appended meanwhile before it gives up.
const maxClaimRounds = 100

// ClaimFingerprint returns the URL of the first article recorded in the
// shared list whose fingerprint (the simhash of its main text) is within
// maxBits of fp, leaving out entries for url itself; when there is none, it
// records fp for url. The search and the record are one atomic step across
// processes: of two near-identical articles stored at the same time by two
// processes, exactly one is recorded and the other is told it is a copy.
//
// The list lives under the prefix's "fingerprints" key with no expiry, one
// entry of about 100 bytes per stored article; each process reads it once
// and then only what was appended since.
func (r *RedisShared) ClaimFingerprint(ctx context.Context, url string, fp uint64, maxBits int) (string, error) {
	r.fpMu.Lock()
	defer r.fpMu.Unlock()
	entry := strconv.FormatUint(fp, 16) + " " + url
	from := 0
	for range maxClaimRounds {
		for _, e := range r.fps[from:] {
			if e.url != url && bits.OnesCount64(e.fp^fp) <= maxBits {
				return e.url, nil
			}
		}
		from = len(r.fps)
		res, err := claimFingerprintScript.Run(ctx, r.rdb, []string{r.key("fingerprints")}, len(r.fps), entry).Result()
		if err != nil {
			return "", fmt.Errorf("redis fingerprints: %w", err)
		}
		newer, ok := res.([]any)
		if !ok {
			r.fps = append(r.fps, fingerprint{fp: fp, url: url})
			return "", nil
		}
		for _, v := range newer {
			e, err := parseFingerprint(v)
			if err != nil {
				return "", fmt.Errorf("redis fingerprints: %w", err)
			}
			r.fps = append(r.fps, e)
		}
	}
	return "", fmt.Errorf("redis fingerprints: still behind other processes after %d rounds", maxClaimRounds)
}

func parseFingerprint(v any) (fingerprint, error) {
	s, _ := v.(string)
	h, u, ok := strings.Cut(s, " ")
	fp, err := strconv.ParseUint(h, 16, 64)
	if !ok || err != nil || u == "" {
		return fingerprint{}, fmt.Errorf("bad entry %q", s)
	}
	return fingerprint{fp: fp, url: u}, nil
}
