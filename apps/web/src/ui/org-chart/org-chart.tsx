import {
  Background,
  Controls,
  type Edge,
  getNodesBounds,
  getViewportForBounds,
  Handle,
  type Node,
  type NodeProps,
  Position,
  ReactFlow,
  ReactFlowProvider,
  useNodesState,
  useReactFlow,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { Flex, Typography } from 'antd';
import { toPng } from 'html-to-image';
import { forwardRef, useEffect, useImperativeHandle, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapPersonData, RelationshipMapData } from '../../app/api/types';
import { attitudeColor } from '../enum-tags';
import { formatDate } from '../format';
import styles from './org-chart.module.css';
import { layoutTree } from './tidy-tree';

const size = { nodeWidth: 196, nodeHeight: 128, siblingGap: 18, levelGap: 56 };
const TEAM_WIDTH = 132;

type PersonNode = Node<{ person: MapPersonData; highlight: boolean }, 'person'>;
type ColleagueNode = Node<{ name: string; role: string | null }, 'colleague'>;

function InfluenceDots({ value }: { value: number | null }) {
  const { t } = useTranslation();
  if (value === null) return null;
  return (
    <span className={styles.dots} title={t('contact.influenceValue', { value })}>
      {[1, 2, 3, 4, 5].map((i) => (
        <i key={i} className={i <= value ? styles.dotOn : styles.dotOff} />
      ))}
    </span>
  );
}

function PersonCard({ data }: NodeProps<PersonNode>) {
  const { t } = useTranslation();
  const { person } = data;
  const colour = person.attitude ? attitudeColor[person.attitude] : '#d9d9d9';
  const className = [styles.card, person.stale ? styles.stale : '', data.highlight ? styles.drop : ''].join(' ');
  return (
    <div className={className} style={{ borderTopColor: colour }}>
      <Handle type="target" position={Position.Top} className={styles.handle} isConnectable={false} />
      <div className={styles.head}>
        <span className={styles.name} title={person.name}>
          {person.key && (
            <span className={styles.key} title={t('relationship.keyPerson')}>
              ★
            </span>
          )}
          {person.name}
        </span>
        <InfluenceDots value={person.influence} />
      </div>
      <div className={styles.title} title={[person.title, person.department].filter(Boolean).join(' · ')}>
        {[person.title, person.department].filter(Boolean).join(' · ') || '—'}
      </div>
      <div className={styles.tags}>
        {person.decisionRole && <span className={styles.role}>{t(`enum.decisionRole.${person.decisionRole}`)}</span>}
        {person.attitude && (
          <span className={styles.attitude} style={{ background: colour }}>
            {t(`enum.attitude.${person.attitude}`)}
          </span>
        )}
      </div>
      <div className={styles.meta}>
        <span title={t('relationship.strength')}>
          {t('relationship.strengthShort')} {person.relationshipStrength ?? '—'}/5
        </span>
        <span className={person.stale ? styles.staleText : undefined} title={t('relationship.lastContact')}>
          {person.lastContactAt
            ? t('relationship.daysAgo', { count: person.daysSinceContact ?? 0, date: formatDate(person.lastContactAt) })
            : t('relationship.never')}
        </span>
      </div>
      <div className={styles.owner} title={t('relationship.owner')}>
        {person.relationshipOwner ? `↔ ${person.relationshipOwner.displayName}` : t('relationship.noOwner')}
      </div>
      <Handle type="source" position={Position.Bottom} className={styles.handle} isConnectable={false} />
      <Handle id="team" type="target" position={Position.Bottom} className={styles.handle} isConnectable={false} />
    </div>
  );
}

function ColleagueCard({ data }: NodeProps<ColleagueNode>) {
  const { t } = useTranslation();
  return (
    <div className={styles.colleague}>
      <Handle type="source" position={Position.Top} className={styles.handle} isConnectable={false} />
      <strong>{data.name}</strong>
      <small>
        {data.role ? t(`enum.teamRole.${data.role}`, { defaultValue: data.role }) : t('relationship.colleague')}
      </small>
    </div>
  );
}

const nodeTypes = { person: PersonCard, colleague: ColleagueCard };

export type OrgChartHandle = { exportPng(fileName: string): Promise<void> };

type Props = {
  map: RelationshipMapData;
  onOpen?: (id: string) => void;
  /** dropping a person onto another: the new manager (the map then reloads) */
  onReportsTo?: (person: MapPersonData, manager: MapPersonData) => void;
  /** also draw lines to the people each colleague met in the last year, not only those they own */
  showMet?: boolean;
};

function layout(map: RelationshipMapData, ours: boolean, showMet: boolean) {
  const placed = layoutTree(
    map.people.map((p) => ({ id: p.id, parentId: p.reportsToId })),
    size,
  );
  const byId = new Map(map.people.map((p) => [p.id, p]));
  const nodes: (PersonNode | ColleagueNode)[] = placed.map((p) => ({
    id: p.id,
    type: 'person',
    position: { x: p.x, y: p.y },
    data: { person: byId.get(p.id) as MapPersonData, highlight: false },
    draggable: ours,
    connectable: false,
  }));
  const width = Math.max(size.nodeWidth, ...placed.map((p) => p.x + size.nodeWidth));
  const bottom = Math.max(0, ...placed.map((p) => p.y)) + size.nodeHeight + 110;
  const step = map.team.length > 1 ? Math.min(220, (width - TEAM_WIDTH) / (map.team.length - 1)) : 0;
  const start =
    map.team.length > 1 ? (width - TEAM_WIDTH - step * (map.team.length - 1)) / 2 : (width - TEAM_WIDTH) / 2;
  map.team.forEach((u, i) => {
    nodes.push({
      id: `u:${u.id}`,
      type: 'colleague',
      position: { x: start + i * step, y: bottom },
      data: { name: u.displayName, role: u.role },
      draggable: false,
      connectable: false,
      selectable: false,
    });
  });
  const ids = new Set(map.people.map((p) => p.id));
  const edges: Edge[] = [
    ...map.people
      .filter((p) => p.reportsToId && p.reportsToId !== p.id && ids.has(p.reportsToId))
      .map((p) => ({
        id: `${p.reportsToId}->${p.id}`,
        source: p.reportsToId as string,
        target: p.id,
        type: 'smoothstep',
        style: { stroke: '#94a3b8', strokeWidth: 1.5 },
      })),
    ...map.links
      .filter((l) => ids.has(l.contactId) && (showMet || l.kind === 'owner'))
      .map((l) => ({
        id: `u:${l.userId}~${l.contactId}`,
        source: `u:${l.userId}`,
        target: l.contactId,
        targetHandle: 'team',
        type: 'straight',
        style:
          l.kind === 'owner'
            ? { stroke: '#0d9488', strokeWidth: 1.6, opacity: 0.75 }
            : { stroke: '#a855f7', strokeWidth: 1, strokeDasharray: '4 4', opacity: 0.55 },
      })),
  ];
  const levels = Math.max(0, ...placed.map((p) => p.depth)) + 1;
  const height = Math.min(760, Math.max(360, levels * (size.nodeHeight + size.levelGap) + 220));
  return { nodes, edges, height };
}

const Canvas = forwardRef<OrgChartHandle, Props>(function Canvas({ map, onOpen, onReportsTo, showMet = false }, ref) {
  const flow = useReactFlow();
  const initial = useMemo(() => layout(map, Boolean(onReportsTo), showMet), [map, onReportsTo, showMet]);
  const [nodes, setNodes, onNodesChange] = useNodesState(initial.nodes);
  useEffect(() => setNodes(initial.nodes), [initial, setNodes]);

  useImperativeHandle(ref, () => ({
    async exportPng(fileName: string) {
      const bounds = getNodesBounds(flow.getNodes());
      const width = Math.min(4000, bounds.width + 80);
      const height = Math.min(4000, bounds.height + 80);
      const viewport = getViewportForBounds(bounds, width, height, 0.2, 2, 40);
      const element = document.querySelector<HTMLElement>(`[data-map="${map.accountId}"] .react-flow__viewport`);
      if (!element) return;
      const url = await toPng(element, {
        backgroundColor: '#ffffff',
        width,
        height,
        style: {
          width: `${width}px`,
          height: `${height}px`,
          transform: `translate(${viewport.x}px, ${viewport.y}px) scale(${viewport.zoom})`,
        },
      });
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      a.click();
    },
  }));

  // The card a dragged card is dropped on: of the cards it overlaps, the one whose centre is nearest
  // its own, so a drop on a card whose neighbour is also grazed goes to the card under it.
  const target = (node: Node) => {
    const centre = (n: Node) => {
      const r = flow.getNodesBounds([n]);
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    };
    const at = centre(node);
    const distance = (n: Node) => {
      const c = centre(n);
      return Math.hypot(c.x - at.x, c.y - at.y);
    };
    const overlapped = flow
      .getIntersectingNodes(node)
      .filter((n) => n.type === 'person' && n.id !== node.id)
      .map((n) => ({ n, d: distance(n) }));
    return overlapped.sort((a, b) => a.d - b.d)[0]?.n as PersonNode | undefined;
  };

  return (
    <div className={styles.canvas} style={{ height: initial.height }} data-map={map.accountId}>
      <ReactFlow
        nodes={nodes}
        edges={initial.edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        fitView
        fitViewOptions={{ padding: 0.05, maxZoom: 1 }}
        minZoom={0.2}
        maxZoom={1.5}
        nodesConnectable={false}
        edgesFocusable={false}
        onNodeClick={(_, node) => node.type === 'person' && onOpen?.(node.id)}
        onNodeDrag={(_, node) => {
          const over = target(node)?.id;
          setNodes(
            (all) =>
              all.map((n) =>
                n.type === 'person' ? { ...n, data: { ...n.data, highlight: n.id === over } } : n,
              ) as never,
          );
        }}
        onNodeDragStop={(_, node) => {
          const over = target(node);
          setNodes(initial.nodes);
          const person = map.people.find((p) => p.id === node.id);
          if (over && person && over.id !== person.reportsToId) onReportsTo?.(person, over.data.person);
        }}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={20} color="#e2e8f0" />
        <Controls showInteractive={false} position="top-right" />
      </ReactFlow>
    </div>
  );
});

/**
 * An account's relationship map: the org chart drawn from reports-to, one card per person (title,
 * decision role, attitude colour, influence dots, our strength, last contact, the colleague who owns
 * the relationship; a red frame when a key person is past the tier's cadence), and our team below
 * with lines to the people they own (solid) or met in the last year (dashed). Drag a card onto
 * another to change whom that person reports to.
 */
export const OrgChart = forwardRef<OrgChartHandle, Props>(function OrgChart(props, ref) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={8}>
      <ReactFlowProvider>
        <Canvas {...props} ref={ref} />
      </ReactFlowProvider>
      <Flex gap={16} wrap align="center">
        <Typography.Text type="secondary">{t('orgChart.legend')}</Typography.Text>
        {(Object.keys(attitudeColor) as (keyof typeof attitudeColor)[]).map((a) => (
          <Flex key={a} align="center" gap={6}>
            <span className={styles.swatch} style={{ background: attitudeColor[a] }} />
            <Typography.Text>{t(`enum.attitude.${a}`)}</Typography.Text>
          </Flex>
        ))}
        <Flex align="center" gap={6}>
          <InfluenceDots value={3} />
          <Typography.Text type="secondary">{t('orgChart.influence')}</Typography.Text>
        </Flex>
        <Flex align="center" gap={6}>
          <span className={styles.lineOwner} />
          <Typography.Text type="secondary">{t('relationship.legendOwner')}</Typography.Text>
        </Flex>
        <Flex align="center" gap={6}>
          <span className={styles.lineMet} />
          <Typography.Text type="secondary">{t('relationship.legendMet')}</Typography.Text>
        </Flex>
        <Flex align="center" gap={6}>
          <span className={styles.staleSwatch} />
          <Typography.Text type="secondary">{t('relationship.legendStale')}</Typography.Text>
        </Flex>
      </Flex>
    </Flex>
  );
});
