import { RemoteSelect } from '../../app/components/RemoteSelect';
import { organizationLabel, searchOrganizations } from '../organizations/ParentSelect';
import { organizationKeys } from '../organizations/queryKeys';

/** A union organization to filter a membership list by, found by name as the user types. */
export function OrganizationFilter(props: {
  value?: string | null;
  onChange?: (id: string | null) => void;
  id?: string;
  placeholder?: string;
}) {
  return (
    <RemoteSelect
      {...props}
      queryKey={[...organizationKeys.all, 'membership-filter']}
      search={(q) => searchOrganizations(q)}
      resolveLabel={organizationLabel}
      testId="membership-organization-filter"
    />
  );
}
