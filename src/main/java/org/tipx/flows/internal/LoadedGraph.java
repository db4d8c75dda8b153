package org.tipx.flows.internal;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;

import org.tipx.flows.Assets;
import org.tipx.flows.graph.AddressClusters;
import org.tipx.flows.graph.FlowGraph;
import org.tipx.flows.graph.FlowGraphBuilder;
import org.tipx.flows.ingest.BitcoinTransactions;

/**
 * An organisation's transfers as a {@link FlowGraph}, with the names behind its numbers: a node is an address holding
 * one asset on one chain; services are the nodes tagged exchange, exchange deposit or OTC desk, and the addresses the
 * deposit-address heuristic ({@link DepositAddresses}) finds sweeping to an exchange.
 */
public final class LoadedGraph {

	/** Tags at which tracing stops: money there can be frozen or has left the chain. */
	public static final Set<String> SERVICES = Set.of("exchange", "exchange_deposit", "otc");

	public final FlowGraph graph;

	public final List<String[]> nodes; // chain, asset, address

	public final List<String> transactions;

	public final Map<String, List<Integer>> edgesByTx = new HashMap<>();

	public final Map<String, FlowStore.Tag> tagsByAddress = new HashMap<>();

	public final BitSet services = new BitSet();

	/** The source of a tag the deposit-address heuristic gave. */
	public static final String DEPOSIT_HEURISTIC = "deposit-address heuristic";

	final Map<String, DepositAddresses.Deposit> depositsByAddress = new HashMap<>();

	/** Multi-input clusters of the Bitcoin addresses (ADR 0027). */
	public final AddressClusters clusters;

	LoadedGraph(FlowGraph graph, List<String[]> nodes, List<String> transactions, List<FlowStore.Tag> tags) {
		this(graph, nodes, transactions, tags, Map.of());
	}

	/**
	 * {@code outputs} names single Bitcoin outputs ({@code txid:vout}) as seeds. A Bitcoin transaction's own name
	 * seeds its outputs only: its inputs are the money that went in, its outputs what the transaction paid.
	 */
	LoadedGraph(FlowGraph graph, List<String[]> nodes, List<String> transactions, List<FlowStore.Tag> tags,
			Map<String, Integer> outputs) {
		this.graph = graph;
		this.nodes = nodes;
		this.transactions = transactions;
		for (int e = 0; e < graph.edges(); e++) {
			if (!graph.isTransactionNode(graph.target(e))) {
				edgesByTx.computeIfAbsent(transactions.get(graph.transaction(e)), k -> new ArrayList<>()).add(e);
			}
		}
		outputs.forEach((name, edge) -> edgesByTx.put(name, List.of(edge)));
		this.clusters = AddressClusters.of(graph);
		for (FlowStore.Tag tag : tags) {
			FlowStore.Tag known = tagsByAddress.get(tag.chain() + "|" + tag.address());
			if (known == null || SERVICES.contains(tag.tag())) {
				tagsByAddress.put(tag.chain() + "|" + tag.address(), tag);
			}
		}
		markServices();
		// ftag: deposit addresses found by the sweep heuristic become services too, with their sweeps as evidence
		DepositAddresses.find(graph, n -> {
			FlowStore.Tag tag = tag(n);
			return tag == null || !tag.tag().equals("exchange") ? null : tag.name() == null ? tag.address() : tag.name();
		}, services::get).values().forEach(deposit -> {
			String[] node = nodes.get(deposit.node());
			tagsByAddress.put(node[0] + "|" + node[2], new FlowStore.Tag(node[0], node[2], "exchange_deposit",
					deposit.exchangeName(), DEPOSIT_HEURISTIC));
			depositsByAddress.put(node[0] + "|" + node[2], deposit);
		});
		markServices();
	}

	private void markServices() {
		for (int n = 0; n < nodes.size(); n++) {
			FlowStore.Tag tag = tag(n);
			if (tag != null && SERVICES.contains(tag.tag())) {
				services.set(n);
			}
		}
	}

	/** The deposit address found by the sweep heuristic at this node's address, or null. */
	DepositAddresses.Deposit deposit(int node) {
		String[] name = nodes.get(node);
		return depositsByAddress.get(name[0] + "|" + name[2]);
	}

	public FlowStore.Tag tag(int node) {
		String[] name = nodes.get(node);
		return tagsByAddress.get(name[0] + "|" + name[2]);
	}

	/**
	 * For each reached Bitcoin address: its cluster, named by the cluster's first address in sort order, and the
	 * number of addresses in it.
	 */
	public Map<String, Map<String, Object>> clustersOf(int[] reached) {
		Map<Integer, List<String>> members = new HashMap<>();
		for (int n = 0; n < nodes.size(); n++) {
			if (nodes.get(n)[0].equals("bitcoin") && !graph.isTransactionNode(n)) {
				members.computeIfAbsent(clusters.cluster(n), k -> new ArrayList<>()).add(nodes.get(n)[2]);
			}
		}
		Map<String, Map<String, Object>> answer = new java.util.TreeMap<>();
		for (int node : reached) {
			if (nodes.get(node)[0].equals("bitcoin") && !graph.isTransactionNode(node)) {
				List<String> cluster = members.get(clusters.cluster(node));
				answer.put(nodes.get(node)[2], Map.of("cluster", cluster.stream().sorted().findFirst().orElseThrow(),
						"addresses", cluster.size()));
			}
		}
		return answer;
	}

	public int decimals(int node) {
		String[] name = nodes.get(node);
		return Assets.decimals(name[0], name[1]).orElse(0);
	}

	/** The organisation's transfers with the tags its reader may see. */
	static LoadedGraph load(FlowStore store, java.util.UUID organisation, List<FlowStore.Tag> tags) {
		FlowGraphBuilder builder = new FlowGraphBuilder(1024);
		Object2IntOpenHashMap<String> nodeIds = new Object2IntOpenHashMap<>();
		Object2IntOpenHashMap<String> txIds = new Object2IntOpenHashMap<>();
		List<String[]> nodes = new ArrayList<>();
		List<String> txs = new ArrayList<>();
		Map<String, Integer> outputPositions = new HashMap<>();
		store.load(organisation, rs -> {
			String chain = rs.getString(1);
			String asset = rs.getString(7);
			int from = id(nodeIds, nodes, chain, asset, rs.getString(5));
			int to = id(nodeIds, nodes, chain, asset, rs.getString(6));
			String tx = rs.getString(2);
			if (chain.equals("bitcoin")) {
				if (rs.getString(5).startsWith(BitcoinTransactions.NODE_PREFIX)) {
					builder.transactionNode(from);
					outputPositions.put(tx + ":" + (rs.getInt(3) - BitcoinTransactions.OUTPUT), builder.size());
				}
				if (rs.getString(6).startsWith(BitcoinTransactions.NODE_PREFIX)) {
					builder.transactionNode(to);
				}
			}
			int txId = txIds.computeIfAbsent(tx, k -> {
				txs.add(tx);
				return txs.size() - 1;
			});
			Instant at = rs.getTimestamp(4).toInstant();
			BigInteger amount = rs.getBigDecimal(8).toBigIntegerExact();
			builder.add(from, to, at.getEpochSecond(), txId, amount.longValueExact());
		});
		int[] order = new int[builder.size()];
		FlowGraph graph = builder.build(order);
		Map<String, Integer> outputs = new HashMap<>();
		outputPositions.forEach((name, position) -> outputs.put(name, order[position]));
		return new LoadedGraph(graph, nodes, txs, tags, outputs);
	}

	private static int id(Object2IntOpenHashMap<String> ids, List<String[]> nodes, String chain, String asset,
			String address) {
		String key = chain + "|" + asset + "|" + address;
		return ids.computeIfAbsent(key, k -> {
			nodes.add(new String[] { chain, asset, address });
			return nodes.size() - 1;
		});
	}
}
