/* Draws a report's network with Cytoscape.js from the elements the page carries in #network-graph's
   data-elements; the table below the graph lists the same nodes and edges. Clicking a report opens it. */
(function () {
	'use strict';
	var holder = document.getElementById('network-graph');
	if (!holder || typeof window.cytoscape !== 'function') {
		return;
	}
	var graph = window.cytoscape({
		container: holder,
		elements: JSON.parse(holder.getAttribute('data-elements')),
		wheelSensitivity: 0.3,
		minZoom: 0.2,
		maxZoom: 1.5,
		style: [
			{ selector: 'node', style: {
				'label': 'data(label)', 'text-wrap': 'wrap', 'text-max-width': '12em', 'font-size': 11,
				'text-valign': 'bottom', 'text-margin-y': 4, 'color': '#1b1b1b',
				'background-color': '#1d4f91', 'width': 22, 'height': 22 } },
			{ selector: 'node[?focus]', style: {
				'background-color': '#00703c', 'border-width': 4, 'border-color': '#1b1b1b', 'width': 30, 'height': 30 } },
			{ selector: 'edge', style: {
				'label': 'data(label)', 'text-wrap': 'wrap', 'font-size': 10, 'color': '#1b1b1b',
				'text-background-color': '#ffffff', 'text-background-opacity': 1, 'text-background-padding': 2,
				'line-color': '#484848', 'width': 2, 'curve-style': 'bezier' } }
		],
		layout: { name: 'cose', animate: false, randomize: false, padding: 30 }
	});
	graph.on('tap', 'node', function (event) {
		if (!event.target.data('focus')) {
			window.location.href = '/signals/reports/' + encodeURIComponent(event.target.id());
		}
	});
	holder.setAttribute('data-drawn', String(graph.nodes().length));
})();
