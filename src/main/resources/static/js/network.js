/* Draws a report's network with Cytoscape.js from the elements the page carries in #network-graph's
   data-elements; the tables below the graph list the same nodes and edges, for those who do not use the drawing.
   Nodes are coloured by TLP (see the legend beside the graph); an edge shows the values that link its two reports
   when it is pointed at or selected; clicking another report opens it.
   The layout is Cytoscape's own force-directed "cose", counting each node's label as part of its size, then a pass
   that pushes apart any two labels still overlapping: cose alone lets long titles run into each other. */
(function () {
	'use strict';
	var holder = document.getElementById('network-graph');
	if (!holder || typeof window.cytoscape !== 'function') {
		return;
	}
	var elements = JSON.parse(holder.getAttribute('data-elements'));
	var count = elements.filter(function (e) { return e.group === 'nodes'; }).length;
	// More reports, more room: a tall drawing keeps twenty labels readable once fitted.
	holder.style.height = Math.min(48, 24 + count) + 'rem';

	// TLP 2.0 colours, darkened where needed to stand out on white; CLEAR is white with its outline.
	var TLP = { CLEAR: '#ffffff', GREEN: '#00703c', AMBER: '#f0a500', AMBER_STRICT: '#f0a500', RED: '#d4351c' };
	var GAP = 12;

	// Start from a circle so that the layout is the same every time the page is opened.
	elements.forEach(function (e, i) {
		if (e.group === 'nodes') {
			var angle = 2 * Math.PI * i / Math.max(1, count);
			e.position = { x: 300 * Math.cos(angle), y: 300 * Math.sin(angle) };
		}
	});

	var graph = window.cytoscape({
		container: holder,
		elements: elements,
		wheelSensitivity: 0.3,
		minZoom: 0.15,
		maxZoom: 2,
		style: [
			{ selector: 'node', style: {
				'label': 'data(label)', 'text-wrap': 'wrap', 'text-max-width': '160px', 'font-size': 12,
				'text-valign': 'bottom', 'text-halign': 'center', 'text-margin-y': 5, 'color': '#1b1b1b',
				'text-background-color': '#ffffff', 'text-background-opacity': 0.9, 'text-background-padding': 2,
				'background-color': function (node) { return TLP[node.data('tlp')] || '#1d4f91'; },
				'border-width': 2, 'border-color': '#1b1b1b', 'width': 24, 'height': 24 } },
			{ selector: 'node[tlp = "AMBER_STRICT"]', style: { 'border-style': 'double', 'border-width': 5 } },
			{ selector: 'node[?focus]', style: { 'width': 36, 'height': 36, 'border-width': 6, 'font-weight': 'bold' } },
			{ selector: 'node:selected', style: { 'overlay-color': '#1d4f91', 'overlay-opacity': 0.25 } },
			{ selector: 'edge', style: {
				'line-color': '#484848', 'width': 2, 'curve-style': 'bezier', 'font-size': 11, 'color': '#1b1b1b',
				'text-wrap': 'wrap', 'text-background-color': '#ffffff', 'text-background-opacity': 1,
				'text-background-padding': 3, 'text-border-width': 1, 'text-border-color': '#1d4f91',
				'text-border-opacity': 1, 'overlay-padding': 6 } },
			{ selector: 'edge.pointed, edge:selected', style: {
				'label': 'data(label)', 'line-color': '#1d4f91', 'width': 4, 'z-index': 10 } }
		],
		layout: { name: 'preset', fit: false }
	});

	graph.layout({
		name: 'cose', animate: false, randomize: false, fit: false, padding: 40,
		nodeDimensionsIncludeLabels: true,
		nodeRepulsion: function () { return 2000000; },
		idealEdgeLength: function () { return 160; },
		edgeElasticity: function () { return 60; },
		nodeOverlap: 40, componentSpacing: 160, gravity: 0.4, numIter: 2500
	}).run();
	separateLabels();
	fit();

	/* Moves nodes apart until no two of them, labels included, overlap: each overlapping pair is pushed apart
	   along the axis where they overlap least, half each way. A few rounds settle twenty reports. */
	function separateLabels() {
		var nodes = graph.nodes().toArray();
		for (var round = 0; round < 300; round++) {
			var boxes = nodes.map(function (n) { return n.boundingBox({ includeLabels: true, includeOverlays: false }); });
			var moved = false;
			for (var i = 0; i < nodes.length; i++) {
				for (var j = i + 1; j < nodes.length; j++) {
					var a = boxes[i], b = boxes[j];
					var ox = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) + GAP;
					var oy = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) + GAP;
					if (ox <= 0 || oy <= 0) {
						continue;
					}
					var dx = 0, dy = 0;
					if (ox < oy) {
						dx = (a.x1 + a.x2 <= b.x1 + b.x2 ? -1 : 1) * ox / 2;
					}
					else {
						dy = (a.y1 + a.y2 <= b.y1 + b.y2 ? -1 : 1) * oy / 2;
					}
					shift(nodes[i], a, dx, dy);
					shift(nodes[j], b, -dx, -dy);
					moved = true;
				}
			}
			if (!moved) {
				return;
			}
		}
	}

	function shift(node, box, dx, dy) {
		var p = node.position();
		node.position({ x: p.x + dx, y: p.y + dy });
		box.x1 += dx; box.x2 += dx; box.y1 += dy; box.y2 += dy;
	}

	function fit() {
		graph.fit(graph.elements(), 30);
	}

	graph.on('mouseover', 'edge', function (event) { event.target.addClass('pointed'); });
	graph.on('mouseout', 'edge', function (event) { event.target.removeClass('pointed'); });
	graph.on('tap', 'node', function (event) {
		if (!event.target.data('focus')) {
			window.location.href = '/signals/reports/' + encodeURIComponent(event.target.id());
		}
	});
	var button = document.getElementById('network-fit');
	if (button) {
		button.hidden = false;
		button.addEventListener('click', fit);
	}
	holder.setAttribute('data-drawn', String(graph.nodes().length));
})();
