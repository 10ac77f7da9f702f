import { useQueryClient } from '@tanstack/react-query';
import { Card, Spin, Tree, Typography } from 'antd';
import { useState, type Key, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../app/components/PageTitle';
import { useShowError } from '../../app/errors';
import { useApiQuery } from '../../app/query';
import { childrenQuery, regionTree, useRegionChildren, withParent, type RegionChild } from '../../app/regions';
import './i18n';

interface Node {
  key: string;
  title: ReactNode;
  isLeaf: boolean;
  children?: Node[];
}

const toNode = (r: RegionChild, children: Node[] | undefined, leaf: boolean): Node => ({
  key: r.code,
  isLeaf: leaf,
  children,
  title: (
    <Typography.Text type={r.inScope ? undefined : 'secondary'} data-testid={`region-${r.code}`}>
      {r.name} ({r.code})
    </Typography.Text>
  ),
});

/** Read-only region tree; children load when a node is opened. */
export default function RegionsPage() {
  const { t } = useTranslation();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const provinces = useApiQuery(childrenQuery(null).queryKey, childrenQuery(null).queryFn, { staleTime: Infinity });
  const [opened, setOpened] = useState<string[]>([]);
  const loaded = useRegionChildren([null, ...opened]);

  // The tree waits for the promise: the node shows its spinner until the children are in the cache.
  const loadData = async (node: { key: Key; children?: unknown }) => {
    if (node.children) return;
    const code = String(node.key);
    try {
      await queryClient.fetchQuery(childrenQuery(code));
      setOpened((list) => withParent(list, code));
    } catch (err) {
      showError(err);
    }
  };

  return (
    <>
      <PageTitle title={t('regions.title')} />
      <Card>
        <Typography.Paragraph type="secondary">{t('regions.hint')}</Typography.Paragraph>
        {provinces.isPending ? (
          <Spin />
        ) : (
          <Tree<Node>
            treeData={regionTree(loaded, toNode)}
            loadData={loadData}
            selectable={false}
            showLine
            blockNode
            data-testid="region-tree"
          />
        )}
      </Card>
    </>
  );
}
