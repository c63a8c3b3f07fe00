package es

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"os"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// The deploy/ files are checked here because docker compose (the plugin)
// and an engine are not available where the tests run.

const deployDir = "../../deploy/"

func readDeploy(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(deployDir + name)
	if err != nil {
		t.Fatalf("read deploy/%s: %v", name, err)
	}
	return b
}

type composeFile struct {
	Name     string `yaml:"name"`
	Services map[string]struct {
		Image     string         `yaml:"image"`
		Build     map[string]any `yaml:"build"`
		Ports     []string       `yaml:"ports"`
		Volumes   []string       `yaml:"volumes"`
		DependsOn map[string]struct {
			Condition string `yaml:"condition"`
		} `yaml:"depends_on"`
		Environment map[string]string `yaml:"environment"`
		Healthcheck struct {
			Test []string `yaml:"test"`
		} `yaml:"healthcheck"`
		Command any `yaml:"command"`
	} `yaml:"services"`
	Volumes map[string]any `yaml:"volumes"`
}

func TestDeployCompose(t *testing.T) {
	raw := readDeploy(t, "docker-compose.yml")
	var c composeFile
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	dec.KnownFields(false)
	if err := dec.Decode(&c); err != nil {
		t.Fatalf("compose: %v", err)
	}
	for _, want := range []string{"setup", "es01", "kibana", "kozan"} {
		if _, ok := c.Services[want]; !ok {
			t.Errorf("compose: no service %s", want)
		}
	}
	for name, s := range c.Services {
		if len(s.Healthcheck.Test) == 0 {
			t.Errorf("service %s: no healthcheck", name)
		}
		for _, p := range s.Ports {
			if !strings.HasPrefix(p, "127.0.0.1:") {
				t.Errorf("service %s: port %q is not bound to 127.0.0.1", name, p)
			}
		}
		for dep, cond := range s.DependsOn {
			if _, ok := c.Services[dep]; !ok {
				t.Errorf("service %s depends on unknown %s", name, dep)
			}
			if cond.Condition != "service_healthy" {
				t.Errorf("service %s: depends_on %s condition %q, want service_healthy", name, dep, cond.Condition)
			}
		}
		for _, v := range s.Volumes {
			src := strings.SplitN(v, ":", 2)[0]
			if strings.HasPrefix(src, ".") || strings.HasPrefix(src, "/") {
				if _, err := os.Stat(deployDir + strings.TrimPrefix(src, "./")); err != nil {
					t.Errorf("service %s mounts %s: %v", name, src, err)
				}
				continue
			}
			if _, ok := c.Volumes[src]; !ok {
				t.Errorf("service %s uses volume %s that is not declared", name, src)
			}
		}
		if s.Image == "" && s.Build == nil {
			t.Errorf("service %s: neither image nor build", name)
		}
	}
	es := c.Services["es01"]
	for k, want := range map[string]string{"xpack.security.enabled": "true", "discovery.type": "single-node"} {
		if es.Environment[k] != want {
			t.Errorf("es01 %s = %q, want %q", k, es.Environment[k], want)
		}
	}
	if c.Services["kibana"].Environment["ELASTICSEARCH_USERNAME"] != "kibana_system" {
		t.Error("kibana does not connect as kibana_system")
	}
	k := c.Services["kozan"]
	if k.Build["dockerfile"] != "deploy/Dockerfile" || k.Build["context"] != ".." {
		t.Errorf("kozan build %v, want context .. and deploy/Dockerfile", k.Build)
	}
	cmd, _ := k.Command.([]any)
	if len(cmd) == 0 || !strings.Contains(cmd[0].(string), "kozan run") || !strings.Contains(cmd[0].(string), "sleep") {
		t.Errorf("kozan command %v: want a loop of kozan run and sleep", k.Command)
	}
	for _, secret := range []string{"KOZAN_ES_PASSWORD", "KOZAN_ES_USERNAME"} {
		if k.Environment[secret] == "" {
			t.Errorf("kozan: %s not set from the environment", secret)
		}
	}
	// Every ${VAR} the compose file uses is documented in .env.example.
	env := string(readDeploy(t, ".env.example"))
	for _, m := range regexp.MustCompile(`\$\{([A-Z_]+)`).FindAllStringSubmatch(string(raw), -1) {
		if !regexp.MustCompile(`(?m)^` + m[1] + `=`).MatchString(env) {
			t.Errorf(".env.example does not define %s", m[1])
		}
	}
}

func TestDeployK8s(t *testing.T) {
	dec := yaml.NewDecoder(bytes.NewReader(readDeploy(t, "k8s/cronjob.yaml")))
	found := false
	for {
		var doc struct {
			Kind string `yaml:"kind"`
			Spec struct {
				Schedule          string `yaml:"schedule"`
				ConcurrencyPolicy string `yaml:"concurrencyPolicy"`
				JobTemplate       struct {
					Spec struct {
						Template struct {
							Spec struct {
								SecurityContext struct {
									RunAsNonRoot bool `yaml:"runAsNonRoot"`
								} `yaml:"securityContext"`
							} `yaml:"spec"`
						} `yaml:"template"`
					} `yaml:"spec"`
				} `yaml:"jobTemplate"`
			} `yaml:"spec"`
		}
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("k8s/cronjob.yaml: %v", err)
		}
		if doc.Kind != "CronJob" {
			continue
		}
		found = true
		if doc.Spec.ConcurrencyPolicy != "Forbid" || len(strings.Fields(doc.Spec.Schedule)) != 5 ||
			!doc.Spec.JobTemplate.Spec.Template.Spec.SecurityContext.RunAsNonRoot {
			t.Errorf("CronJob: %+v: want Forbid, a 5-field schedule, runAsNonRoot", doc.Spec)
		}
	}
	if !found {
		t.Error("no CronJob in k8s/cronjob.yaml")
	}
}

func TestDeploySystemdCronDocker(t *testing.T) {
	ini := func(name string) map[string]map[string]string {
		out := map[string]map[string]string{}
		sec := ""
		sc := bufio.NewScanner(bytes.NewReader(readDeploy(t, name)))
		for sc.Scan() {
			l := strings.TrimSpace(sc.Text())
			switch {
			case l == "" || strings.HasPrefix(l, "#"):
			case strings.HasPrefix(l, "[") && strings.HasSuffix(l, "]"):
				sec = l[1 : len(l)-1]
				out[sec] = map[string]string{}
			default:
				k, v, ok := strings.Cut(l, "=")
				if !ok || sec == "" {
					t.Errorf("%s: bad line %q", name, l)
					continue
				}
				out[sec][k] = v
			}
		}
		return out
	}
	svc := ini("systemd/kozan.service")
	if !strings.Contains(svc["Service"]["ExecStart"], "kozan run") || svc["Service"]["Type"] != "oneshot" ||
		svc["Service"]["SuccessExitStatus"] != "75" || svc["Service"]["User"] == "" {
		t.Errorf("kozan.service [Service] %v", svc["Service"])
	}
	tm := ini("systemd/kozan.timer")
	if tm["Timer"]["OnCalendar"] == "" || tm["Install"]["WantedBy"] != "timers.target" {
		t.Errorf("kozan.timer %v", tm)
	}

	jobs := 0
	for _, l := range strings.Split(string(readDeploy(t, "crontab")), "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") || regexp.MustCompile(`^[A-Z_]+=`).MatchString(l) {
			continue
		}
		f := strings.Fields(l)
		if len(f) < 6 || !regexp.MustCompile(`^[\d*/,-]+$`).MatchString(strings.Join(f[:5], "")) {
			t.Errorf("crontab: bad line %q", l)
		}
		jobs++
	}
	if jobs == 0 {
		t.Error("crontab has no job")
	}

	df := string(readDeploy(t, "Dockerfile"))
	for _, want := range []string{"FROM golang:1.26 AS build", "CGO_ENABLED=0", "./cmd/kozan", "USER 10001"} {
		if !strings.Contains(df, want) {
			t.Errorf("Dockerfile lacks %q", want)
		}
	}
	if strings.Count(df, "\nFROM ") < 2 {
		t.Error("Dockerfile is not multi-stage")
	}
}
