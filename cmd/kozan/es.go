package main

import (
	"fmt"

	"github.com/spf13/cobra"
)

func (a *app) esCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "es", Short: "Elasticsearch: set up indices and Kibana, deliver the outbox"}
	var kibana string
	setup := &cobra.Command{
		Use:   "setup [--kibana URL]",
		Short: "Create or update index templates, versioned indices and aliases; import Kibana saved objects",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			cfg, err := a.config()
			if err != nil {
				return err
			}
			c, err := a.esClient(cfg)
			if err != nil {
				return err
			}
			rep, err := c.Setup(ctx)
			if err != nil {
				return fmt.Errorf("es setup: %w", err)
			}
			fmt.Fprintf(a.stdout, "elasticsearch: %s\n", rep)
			if kibana == "" {
				kibana = cfg.Kibana.URL
			}
			if kibana != "" {
				if err := c.ImportKibana(ctx, kibana); err != nil {
					return fmt.Errorf("kibana import: %w", err)
				}
				fmt.Fprintf(a.stdout, "kibana: saved objects imported into %s\n", kibana)
			}
			return nil
		},
	}
	setup.Flags().StringVar(&kibana, "kibana", "", "Kibana URL to import the saved objects into (default kibana.url)")
	sync := &cobra.Command{
		Use:   "sync",
		Short: "Push what the store holds and Elasticsearch lacks (backfill, outage catch-up)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			cfg, err := a.config()
			if err != nil {
				return err
			}
			if cfg.Elasticsearch == nil {
				return errNoES
			}
			s, err := a.updateStore(ctx)
			if err != nil {
				return err
			}
			r := a.syncES(ctx, cfg, s)
			fmt.Fprintf(a.stdout, "elasticsearch: %d indexed, %d retried, %d failed, %d pending\n", r.Indexed, r.Retried, r.Failed, r.Pending)
			if r.Err != "" {
				return fmt.Errorf("es sync: %s", r.Err)
			}
			return nil
		},
	}
	cmd.AddCommand(setup, sync)
	return cmd
}
