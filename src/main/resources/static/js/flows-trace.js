/* Draws a trace with Cytoscape.js from the elements the page carries in #trace-graph-data (JSON escaped for a
   script element by the server): addresses as nodes, the tainted amount moved between two addresses on each edge.
   Tagged services (exchanges, OTC desks) are red squares, other endpoints amber, the seeds' senders blue; the colours
   match the legend below the drawing, and the endpoints table says the same in words.
   Money flows left to right ("breadthfirst" from the seeds), so a trace reads as the path it took.
   When drawn, the holder gets data-drawn with the number of nodes, for those who wait on it. */
(function () {
	'use strict';
	var holder = document.getElementById('trace-graph');
	var data = document.getElementById('trace-graph-data');
	if (!holder || !data || typeof window.cytoscape !== 'function') {
		return;
	}
	var elements = JSON.parse(data.textContent);
	var nodes = elements.filter(function (e) { return e.group === 'nodes'; });
	if (nodes.length === 0) {
		holder.hidden = true;
		return;
	}
	holder.style.height = Math.min(48, 20 + nodes.length) + 'rem';
	var COLOUR = { seed: '#1d4f91', service: '#d4351c', endpoint: '#f0a500', passed: '#ffffff' };

	var graph = window.cytoscape({
		container: holder,
		elements: elements,
		wheelSensitivity: 0.3,
		minZoom: 0.1,
		maxZoom: 2.5,
		style: [
			{ selector: 'node', style: {
				'label': 'data(label)', 'text-wrap': 'wrap', 'font-size': 13, 'color': '#1b1b1b',
				'text-valign': 'bottom', 'text-halign': 'center', 'text-margin-y': 4,
				'text-background-color': '#ffffff', 'text-background-opacity': 0.9, 'text-background-padding': 2,
				'background-color': function (node) { return COLOUR[node.data('kind')] || '#ffffff'; },
				'border-width': 2, 'border-color': '#1b1b1b', 'width': 22, 'height': 22 } },
			{ selector: 'node[kind = "service"]', style: {
				'shape': 'round-rectangle', 'width': 34, 'height': 34, 'border-width': 4, 'font-weight': 'bold' } },
			{ selector: 'node[kind = "seed"]', style: { 'width': 30, 'height': 30 } },
			{ selector: 'edge', style: {
				'label': 'data(label)', 'curve-style': 'bezier', 'target-arrow-shape': 'triangle',
				'line-color': '#484848', 'target-arrow-color': '#484848', 'width': 2, 'font-size': 12,
				'text-rotation': 'autorotate', 'text-background-color': '#ffffff', 'text-background-opacity': 1,
				'text-background-padding': 2 } },
			{ selector: 'node:selected', style: { 'overlay-color': '#1d4f91', 'overlay-opacity': 0.25 } }
		],
		layout: {
			name: 'breadthfirst', directed: true, spacingFactor: 1.4, padding: 30,
			roots: graph_roots(), transform: function (node, position) { return { x: position.y, y: position.x }; }
		}
	});
	// A node's full address when pointed at: labels show it shortened.
	graph.on('mouseover', 'node', function (event) { holder.title = event.target.data('address'); });
	graph.on('mouseout', 'node', function () { holder.title = ''; });
	holder.setAttribute('data-drawn', String(graph.nodes().length));

	/* The seeds' senders, else every node nothing flows into: where the breadthfirst layout starts. */
	function graph_roots() {
		var seeds = nodes.filter(function (n) { return n.data.kind === 'seed'; });
		if (seeds.length > 0) {
			return seeds.map(function (n) { return '#' + n.data.id; }).join(', ');
		}
		var targets = {};
		elements.forEach(function (e) { if (e.group === 'edges') { targets[e.data.target] = true; } });
		var roots = nodes.filter(function (n) { return !targets[n.data.id]; });
		return roots.length > 0 ? roots.map(function (n) { return '#' + n.data.id; }).join(', ') : undefined;
	}
}());
