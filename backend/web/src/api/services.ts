// Every service of the community, read page by page (the server gives at most 100 a page):
// the queue's screens list them all, and a city's CNAP offers more than a page holds.

import { useEffect, useState } from "react";
import { type CombinedError, type OperationResult, useClient } from "urql";

import { graphql } from "../gql";
import type { AllServicesPageQuery } from "../gql/graphql";

const ServicesPage = graphql(`
  query AllServicesPage($after: String) {
    services(first: 100, after: $after) {
      nodes {
        id
        status
        card {
          nameUk
          nameEn
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export interface ServiceName {
  id: string;
  status: string;
  card: { nameUk: string; nameEn: string };
}

/** The community's services (null while loading), and the first error met. */
export function useAllServices(): { services: ServiceName[] | null; error: CombinedError | null } {
  const client = useClient();
  const [services, setServices] = useState<ServiceName[] | null>(null);
  const [error, setError] = useState<CombinedError | null>(null);
  useEffect(() => {
    let live = true;
    const read = async () => {
      const all: ServiceName[] = [];
      let after: string | null = null;
      // A bound on the pages read, so a server that always says "more" cannot loop forever.
      for (let page = 0; page < 50; page++) {
        const r: OperationResult<AllServicesPageQuery> = await client.query(ServicesPage, { after }, { requestPolicy: "network-only" }).toPromise();
        if (r.error) {
          if (live) setError(r.error);
          return;
        }
        if (!r.data) break;
        all.push(...r.data.services.nodes);
        const next: { hasNextPage: boolean; endCursor?: string | null } = r.data.services.pageInfo;
        if (!next.hasNextPage || !next.endCursor) break;
        after = next.endCursor;
      }
      if (live) setServices(all);
    };
    void read();
    return () => {
      live = false;
    };
  }, [client]);
  return { services, error };
}
